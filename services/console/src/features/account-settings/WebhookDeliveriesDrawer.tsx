import { Badge, Drawer, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useWebhookDeliveries, type Webhook } from './webhooks.api';

const colours = { pending: 'yellow', delivered: 'green', failed: 'red' } as const;

/** One endpoint's delivery log, newest first: what was sent, and what its server answered. */
export function WebhookDeliveriesDrawer(props: {
  webhook: Webhook | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation('accountSettings');
  return (
    <Drawer
      opened={props.webhook !== undefined}
      onClose={props.onClose}
      position="right"
      size="xl"
      title={t('deliveries.title')}
    >
      {props.webhook !== undefined && <Deliveries key={props.webhook.id} webhook={props.webhook} />}
    </Drawer>
  );
}

function Deliveries({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const [cursor, setCursor] = useState<string>();
  const deliveries = useWebhookDeliveries(webhook.id, cursor);
  const rows = deliveries.data?.items ?? [];
  return (
    <Stack>
      <Text style={{ wordBreak: 'break-all' }}>{webhook.url}</Text>
      <ProblemAlert error={deliveries.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deliveries.eventType')}</Table.Th>
              <Table.Th>{common('field.status')}</Table.Th>
              <Table.Th>{t('deliveries.attempts')}</Table.Th>
              <Table.Th>{t('deliveries.answer')}</Table.Th>
              <Table.Th>{t('deliveries.lastAttempt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{delivery.eventType}</Table.Td>
                <Table.Td>
                  <Badge color={colours[delivery.status]} variant="light" autoContrast>
                    {t(`deliveries.status.${delivery.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{delivery.attempts}</Table.Td>
                <Table.Td>
                  {delivery.responseStatus ?? delivery.lastError ?? t('deliveries.noAnswer')}
                </Table.Td>
                <Table.Td>{formatDateTime(delivery.lastAttemptAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {deliveries.isSuccess && rows.length === 0 && <Text>{t('deliveries.none')}</Text>}
      <Pager cursor={cursor} nextCursor={deliveries.data?.nextCursor} onPage={setCursor} />
    </Stack>
  );
}
