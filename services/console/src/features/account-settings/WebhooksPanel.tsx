import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ConfirmButton } from '../people/ConfirmButton';
import { CreateWebhookModal } from './CreateWebhookModal';
import { useRowAction } from './panel-action';
import { WebhookDeliveriesDrawer } from './WebhookDeliveriesDrawer';
import { deleteWebhook, enableWebhook, useWebhooks, webhooksKey } from './webhooks.api';

/** The account's webhook endpoints: where its events are posted, and how that went. */
export function WebhooksPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const [cursor, setCursor] = useState<string>();
  const webhooks = useWebhooks(accountId, cursor);
  const action = useRowAction(webhooksKey(accountId));
  const [creating, { open, close }] = useDisclosure();
  const [logOf, setLogOf] = useState<string>();
  const rows = webhooks.data?.items ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed">{t('webhooks.lead')}</Text>
        <Button onClick={open}>+ {t('webhooks.create')}</Button>
      </Group>
      <ProblemAlert error={webhooks.error} />
      {action.result}
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('webhooks.url')}</Table.Th>
              <Table.Th>{t('webhooks.eventTypes')}</Table.Th>
              <Table.Th>{common('field.status')}</Table.Th>
              <Table.Th>{t('webhooks.failures')}</Table.Th>
              <Table.Th>{common('field.created')}</Table.Th>
              <Table.Th>{t('list.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((webhook) => (
              <Table.Tr key={webhook.id}>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-all' }}>
                    {webhook.url}
                  </Text>
                  {webhook.description !== '' && (
                    <Text size="xs" c="dimmed">
                      {webhook.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{webhook.eventTypes.join(', ')}</Table.Td>
                <Table.Td>
                  <Badge
                    color={webhook.status === 'enabled' ? 'green' : 'gray'}
                    variant="light"
                    autoContrast
                  >
                    {t(`webhooks.status.${webhook.status}`)}
                  </Badge>
                  {webhook.disabledReason !== null && (
                    <Text size="xs">{webhook.disabledReason}</Text>
                  )}
                </Table.Td>
                <Table.Td>{webhook.consecutiveFailures}</Table.Td>
                <Table.Td>{formatDateTime(webhook.createdAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setLogOf(webhook.id)}
                    >
                      {t('webhooks.deliveries')}
                    </Button>
                    {webhook.status === 'disabled' && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={action.pending}
                        onClick={() =>
                          action.run(t('webhooks.enabled'), () => enableWebhook(webhook.id))
                        }
                      >
                        {t('webhooks.enable')}
                      </Button>
                    )}
                    <ConfirmButton
                      size="compact-sm"
                      variant="light"
                      color="red"
                      label={t('webhooks.delete')}
                      question={t('webhooks.confirmDelete', { url: webhook.url })}
                      onConfirm={() =>
                        action.run(t('webhooks.deleted'), () => deleteWebhook(webhook.id))
                      }
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {webhooks.isSuccess && rows.length === 0 && <Text>{t('webhooks.none')}</Text>}
      <Pager cursor={cursor} nextCursor={webhooks.data?.nextCursor} onPage={setCursor} />
      <CreateWebhookModal accountId={accountId} opened={creating} onClose={close} />
      <WebhookDeliveriesDrawer
        webhook={rows.find((webhook) => webhook.id === logOf)}
        onClose={() => setLogOf(undefined)}
      />
    </Stack>
  );
}
