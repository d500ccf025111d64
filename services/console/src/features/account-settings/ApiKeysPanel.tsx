import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ConfirmButton } from '../people/ConfirmButton';
import { apiKeysKey, revokeApiKey, useApiKeys } from './api-keys.api';
import { CreateApiKeyModal } from './CreateApiKeyModal';
import { useRowAction } from './panel-action';

/** The account's API keys: only their first characters are ever listed, never their secret. */
export function ApiKeysPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const manages = useAccess().can('api_keys.manage');
  const keys = useApiKeys(accountId);
  const action = useRowAction(apiKeysKey(accountId));
  const [creating, { open, close }] = useDisclosure();
  const rows = keys.data?.items ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed">{t('apiKeys.lead')}</Text>
        {manages && <Button onClick={open}>+ {t('apiKeys.create')}</Button>}
      </Group>
      <ProblemAlert error={keys.error} />
      {action.result}
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{common('field.name')}</Table.Th>
              <Table.Th>{t('apiKeys.prefix')}</Table.Th>
              <Table.Th>{t('apiKeys.permissions')}</Table.Th>
              <Table.Th>{common('field.status')}</Table.Th>
              <Table.Th>{common('field.created')}</Table.Th>
              <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
              {manages && <Table.Th>{t('list.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((key) => (
              <Table.Tr key={key.id}>
                <Table.Td>{key.name}</Table.Td>
                <Table.Td ff="monospace">{key.prefix}…</Table.Td>
                <Table.Td>{key.permissions.join(', ')}</Table.Td>
                <Table.Td>
                  <Badge
                    color={key.revokedAt === null ? 'green' : 'gray'}
                    variant="light"
                    autoContrast
                  >
                    {key.revokedAt === null ? t('apiKeys.active') : t('apiKeys.revoked')}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(key.lastUsedAt)}</Table.Td>
                {manages && (
                  <Table.Td>
                    {key.revokedAt === null && (
                      <ConfirmButton
                        size="compact-sm"
                        variant="light"
                        color="red"
                        label={t('apiKeys.revoke')}
                        question={t('apiKeys.confirmRevoke', { name: key.name })}
                        onConfirm={() =>
                          action.run(t('apiKeys.revokedDone', { name: key.name }), () =>
                            revokeApiKey(key.id),
                          )
                        }
                      />
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {keys.isSuccess && rows.length === 0 && <Text>{t('apiKeys.none')}</Text>}
      <CreateApiKeyModal accountId={accountId} opened={creating} onClose={close} />
    </Stack>
  );
}
