import { Badge, Button, Group, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime, formatNumber } from '../../ui/format';
import { ListPanel } from '../../ui/ListPanel';
import { ConfirmButton } from '../people/ConfirmButton';
import { CopyValueButton } from './CopyValueButton';
import { CreateJoiningCodeModal } from './CreateJoiningCodeModal';
import {
  joiningCodesKey,
  revokeJoiningCode,
  rotateJoiningCode,
  useJoiningCodes,
  type JoiningCode,
} from './joining-codes.api';
import { useRowAction } from './panel-action';

const statusColours: Record<string, string> = {
  active: 'green',
  revoked: 'gray',
  expired: 'gray',
  used_up: 'orange',
};
const codeStatuses = ['active', 'revoked', 'expired', 'used_up'] as const;
type CodeStatus = (typeof codeStatuses)[number];
const isCodeStatus = (status: string): status is CodeStatus =>
  (codeStatuses as readonly string[]).includes(status);

/** Shareable codes that let people join the account at once: listed, created, copied, replaced. */
export function JoiningCodesPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const manages = useAccess().can('invitations.manage');
  const [cursor, setCursor] = useState<string>();
  const codes = useJoiningCodes(accountId, cursor);
  const action = useRowAction(joiningCodesKey(accountId));
  const [creating, { open, close }] = useDisclosure();

  const uses = (code: JoiningCode) =>
    code.maxUses === null
      ? t('codes.usesUnlimited', { uses: formatNumber(code.uses) })
      : t('codes.usesOf', { uses: formatNumber(code.uses), max: formatNumber(code.maxUses) });

  return (
    <ListPanel
      lead={t('codes.lead')}
      addButton={manages && <Button onClick={open}>+ {t('codes.create')}</Button>}
      list={codes}
      outcome={action.result}
      minWidth={720}
      columns={
        <>
          <Table.Th>{t('codes.code')}</Table.Th>
          <Table.Th>{t('codes.role')}</Table.Th>
          <Table.Th>{common('field.status')}</Table.Th>
          <Table.Th>{t('codes.uses')}</Table.Th>
          <Table.Th>{t('codes.expires')}</Table.Th>
          <Table.Th>{t('list.actions')}</Table.Th>
        </>
      }
      cells={(code) => (
        <>
          <Table.Td ff="monospace">{code.code}</Table.Td>
          <Table.Td>{code.role}</Table.Td>
          <Table.Td>
            <Badge color={statusColours[code.status] ?? 'gray'} variant="light" autoContrast>
              {isCodeStatus(code.status) ? t(`codes.status.${code.status}`) : code.status}
            </Badge>
          </Table.Td>
          <Table.Td>{uses(code)}</Table.Td>
          <Table.Td>{formatDateTime(code.expiresAt)}</Table.Td>
          <Table.Td>
            {code.status === 'active' && (
              <Group gap="xs" wrap="nowrap">
                <CopyValueButton value={code.code} />
                {manages && (
                  <>
                    <ConfirmButton
                      size="compact-sm"
                      variant="default"
                      label={t('codes.rotate')}
                      question={t('codes.confirmRotate', { code: code.code })}
                      onConfirm={() =>
                        action.run(t('codes.rotated'), () => rotateJoiningCode(code.id))
                      }
                    />
                    <ConfirmButton
                      size="compact-sm"
                      variant="light"
                      color="red"
                      label={t('codes.revoke')}
                      question={t('codes.confirmRevoke', { code: code.code })}
                      onConfirm={() =>
                        action.run(t('codes.revoked'), () => revokeJoiningCode(code.id))
                      }
                    />
                  </>
                )}
              </Group>
            )}
          </Table.Td>
        </>
      )}
      empty={t('codes.none')}
      cursor={cursor}
      onPage={setCursor}
    >
      <CreateJoiningCodeModal accountId={accountId} opened={creating} onClose={close} />
    </ListPanel>
  );
}
