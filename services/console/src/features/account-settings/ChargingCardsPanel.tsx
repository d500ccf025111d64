import { Badge, Button, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { ListPanel } from '../../ui/ListPanel';
import { SearchField } from '../../ui/SearchField';
import { ConfirmButton } from '../people/ConfirmButton';
import { AddChargingCardModal } from './AddChargingCardModal';
import { chargingCardsKey, invalidateChargingCard, useChargingCards } from './charging-cards.api';
import { useRowAction } from './panel-action';

/**
 * The account's charging cards, searched by uid or visual number; a deleted card stays listed as
 * invalid, as the API keeps it.
 */
export function ChargingCardsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const manages = useAccess().can('charging_cards.manage');
  const list = useListParams([]);
  const cards = useChargingCards(accountId, { q: list.q, cursor: list.cursor });
  const action = useRowAction(chargingCardsKey(accountId));
  const [adding, { open, close }] = useDisclosure();

  return (
    <ListPanel
      lead={t('cards.lead')}
      addButton={manages && <Button onClick={open}>+ {t('cards.add')}</Button>}
      search={
        <SearchField
          value={list.q}
          onSearch={(q) => list.set({ q })}
          hint={t('cards.searchHint')}
        />
      }
      list={cards}
      outcome={action.result}
      minWidth={760}
      columns={
        <>
          <Table.Th>{t('cards.uid')}</Table.Th>
          <Table.Th>{t('cards.contractId')}</Table.Th>
          <Table.Th>{t('cards.type')}</Table.Th>
          <Table.Th>{t('cards.issuer')}</Table.Th>
          <Table.Th>{common('field.status')}</Table.Th>
          <Table.Th>{t('cards.lastUpdated')}</Table.Th>
          {manages && <Table.Th>{t('list.actions')}</Table.Th>}
        </>
      }
      cells={(card) => (
        <>
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
        </>
      )}
      empty={list.q === undefined ? t('cards.none') : common('list.empty')}
      cursor={list.cursor}
      onPage={list.page}
    >
      <AddChargingCardModal accountId={accountId} opened={adding} onClose={close} />
    </ListPanel>
  );
}
