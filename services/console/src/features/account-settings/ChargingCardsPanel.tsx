import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime } from '../../ui/format';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ConfirmButton } from '../people/ConfirmButton';
import { AddChargingCardModal } from './AddChargingCardModal';
import { chargingCardsKey, invalidateChargingCard, useChargingCards } from './charging-cards.api';
import { useRowAction } from './panel-action';

/** The account's charging cards; a deleted card stays listed as invalid, as the API keeps it. */
export function ChargingCardsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const manages = useAccess().can('charging_cards.manage');
  const [cursor, setCursor] = useState<string>();
  const cards = useChargingCards(accountId, cursor);
  const action = useRowAction(chargingCardsKey(accountId));
  const [adding, { open, close }] = useDisclosure();
  const rows = cards.data?.items ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed">{t('cards.lead')}</Text>
        {manages && <Button onClick={open}>+ {t('cards.add')}</Button>}
      </Group>
      <ProblemAlert error={cards.error} />
      {action.result}
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cards.uid')}</Table.Th>
              <Table.Th>{t('cards.contractId')}</Table.Th>
              <Table.Th>{t('cards.type')}</Table.Th>
              <Table.Th>{t('cards.issuer')}</Table.Th>
              <Table.Th>{common('field.status')}</Table.Th>
              <Table.Th>{t('cards.lastUpdated')}</Table.Th>
              {manages && <Table.Th>{t('list.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((card) => (
              <Table.Tr key={card.id}>
                <Table.Td ff="monospace">{card.uid}</Table.Td>
                <Table.Td>{card.contractId}</Table.Td>
                <Table.Td>{card.type}</Table.Td>
                <Table.Td>{card.issuer}</Table.Td>
                <Table.Td>
                  <Badge color={card.valid ? 'green' : 'gray'} variant="light" autoContrast>
                    {card.valid ? t('cards.valid') : t('cards.invalid')}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(card.lastUpdated)}</Table.Td>
                {manages && (
                  <Table.Td>
                    {card.valid && (
                      <ConfirmButton
                        size="compact-sm"
                        variant="light"
                        color="red"
                        label={t('cards.delete')}
                        question={t('cards.confirmDelete', { uid: card.uid })}
                        onConfirm={() =>
                          action.run(t('cards.deleted', { uid: card.uid }), () =>
                            invalidateChargingCard(accountId, card.id),
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
      {cards.isSuccess && rows.length === 0 && <Text>{t('cards.none')}</Text>}
      <Pager cursor={cursor} nextCursor={cards.data?.nextCursor} onPage={setCursor} />
      <AddChargingCardModal accountId={accountId} opened={adding} onClose={close} />
    </Stack>
  );
}
