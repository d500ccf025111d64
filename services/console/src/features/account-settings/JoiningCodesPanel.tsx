import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime, formatNumber } from '../../ui/format';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
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
  const rows = codes.data?.items ?? [];

  const uses = (code: JoiningCode) =>
    code.maxUses === null
      ? t('codes.usesUnlimited', { uses: formatNumber(code.uses) })
      : t('codes.usesOf', { uses: formatNumber(code.uses), max: formatNumber(code.maxUses) });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed">{t('codes.lead')}</Text>
        {manages && <Button onClick={open}>+ {t('codes.create')}</Button>}
      </Group>
      <ProblemAlert error={codes.error} />
      {action.result}
      <Table.ScrollContainer minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('codes.code')}</Table.Th>
              <Table.Th>{t('codes.role')}</Table.Th>
              <Table.Th>{common('field.status')}</Table.Th>
              <Table.Th>{t('codes.uses')}</Table.Th>
              <Table.Th>{t('codes.expires')}</Table.Th>
              <Table.Th>{t('list.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((code) => (
              <Table.Tr key={code.id}>
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
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {codes.isSuccess && rows.length === 0 && <Text>{t('codes.none')}</Text>}
      <Pager cursor={cursor} nextCursor={codes.data?.nextCursor} onPage={setCursor} />
      <CreateJoiningCodeModal accountId={accountId} opened={creating} onClose={close} />
    </Stack>
  );
}
