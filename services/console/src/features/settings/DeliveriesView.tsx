import { NativeSelect, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { SearchField } from '../../ui/SearchField';
import { EmailStatusBadge } from '../people/EmailStatusBadge';
import { deliveryStatuses, isDeliveryStatus, useDeliveries } from './settings.api';
import { emailName, languageName } from './template-names';
import { settingsTexts } from './texts';

type KnownReason = keyof (typeof settingsTexts)['en']['deliveries']['reasons'];

function isKnownReason(reason: string): reason is KnownReason {
  return reason in settingsTexts.en.deliveries.reasons;
}

/** Settings → Delivery log: every email sent or attempted, newest first, by recipient and status. */
export function DeliveriesView() {
  const { t } = useTranslation('settings');
  const { t: common } = useTranslation();
  const list = useListParams(['to', 'status']);
  const asked = list.filter('status');
  const status = isDeliveryStatus(asked) ? asked : undefined;
  const to = list.filter('to');
  const deliveries = useDeliveries({ to, status, cursor: list.cursor });
  const rows = deliveries.data?.items ?? [];
  // The API's reasons are codes or the provider's own words: a code is told in words.
  const reason = (lastError: string | null) =>
    lastError !== null && isKnownReason(lastError)
      ? t(`deliveries.reasons.${lastError}`)
      : (lastError ?? '');

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SearchField
          value={to}
          onSearch={(recipient) => list.set({ to: recipient })}
          label={t('deliveries.recipient')}
          hint={t('deliveries.recipientHint')}
        />
        <NativeSelect
          label={t('deliveries.status')}
          value={status ?? ''}
          onChange={(event) => list.set({ status: event.currentTarget.value })}
          data={[
            { value: '', label: t('deliveries.allStatuses') },
            ...deliveryStatuses.map((name) => ({
              value: name,
              label: common(`emailStatus.${name}`),
            })),
          ]}
        />
      </SimpleGrid>
      <ProblemAlert error={deliveries.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deliveries.recipient')}</Table.Th>
              <Table.Th>{t('deliveries.email')}</Table.Th>
              <Table.Th>{t('deliveries.status')}</Table.Th>
              <Table.Th>{t('deliveries.reason')}</Table.Th>
              <Table.Th>{t('deliveries.attempts')}</Table.Th>
              <Table.Th>{t('deliveries.created')}</Table.Th>
              <Table.Th>{t('deliveries.sent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{delivery.recipient}</Table.Td>
                <Table.Td>
                  {emailName(t, delivery.template)} ({languageName(delivery.language)})
                </Table.Td>
                <Table.Td>
                  <EmailStatusBadge status={delivery.status} />
                </Table.Td>
                <Table.Td>{reason(delivery.lastError)}</Table.Td>
                <Table.Td>{formatNumber(delivery.attempts)}</Table.Td>
                <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
                <Table.Td>
                  {delivery.sentAt === null ? '' : formatDateTime(delivery.sentAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {deliveries.isSuccess && rows.length === 0 && <Text>{common('list.empty')}</Text>}
      <Pager cursor={list.cursor} nextCursor={deliveries.data?.nextCursor} onPage={list.page} />
    </>
  );
}
