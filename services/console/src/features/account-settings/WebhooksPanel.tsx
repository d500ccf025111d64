import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { ListPanel } from '../../ui/ListPanel';
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

  return (
    <ListPanel
      lead={t('webhooks.lead')}
      addButton={<Button onClick={open}>+ {t('webhooks.create')}</Button>}
      list={webhooks}
      outcome={action.result}
      minWidth={760}
      columns={
        <>
          <Table.Th>{t('webhooks.url')}</Table.Th>
          <Table.Th>{t('webhooks.eventTypes')}</Table.Th>
          <Table.Th>{common('field.status')}</Table.Th>
          <Table.Th>{t('webhooks.failures')}</Table.Th>
          <Table.Th>{common('field.created')}</Table.Th>
          <Table.Th>{t('list.actions')}</Table.Th>
        </>
      }
      cells={(webhook) => (
        <>
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
            {webhook.disabledReason !== null && <Text size="xs">{webhook.disabledReason}</Text>}
          </Table.Td>
          <Table.Td>{webhook.consecutiveFailures}</Table.Td>
          <Table.Td>{formatDateTime(webhook.createdAt)}</Table.Td>
          <Table.Td>
            <Group gap="xs" wrap="nowrap">
              <Button size="compact-sm" variant="default" onClick={() => setLogOf(webhook.id)}>
                {t('webhooks.deliveries')}
              </Button>
              {webhook.status === 'disabled' && (
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={action.pending}
                  onClick={() => action.run(t('webhooks.enabled'), () => enableWebhook(webhook.id))}
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
                onConfirm={() => action.run(t('webhooks.deleted'), () => deleteWebhook(webhook.id))}
              />
            </Group>
          </Table.Td>
        </>
      )}
      empty={t('webhooks.none')}
      cursor={cursor}
      onPage={setCursor}
    >
      <CreateWebhookModal accountId={accountId} opened={creating} onClose={close} />
      <WebhookDeliveriesDrawer
        webhook={webhooks.data?.items.find((webhook) => webhook.id === logOf)}
        onClose={() => setLogOf(undefined)}
      />
    </ListPanel>
  );
}
