import { Alert, Button, Fieldset, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { cardLabel, freeCards } from './driver-rules';
import { useCardAssignment, useChargingCards } from './drivers.api';

/** The driver's charging cards: each removable, and any free card of the account to assign. */
export function DriverCards(props: { accountId: string; userId: string; editable: boolean }) {
  const { t } = useTranslation('drivers');
  const { accountId, userId, editable } = props;
  const own = useChargingCards(accountId, userId);
  const assignment = useCardAssignment(accountId);
  const cards = own.data?.items ?? [];

  return (
    <Fieldset legend={t('cards.legend')}>
      <Stack gap="sm">
        <ProblemAlert error={own.error} />
        {own.isSuccess && cards.length === 0 && <Text>{t('cards.none')}</Text>}
        {cards.length > 0 && (
          <Table>
            <Table.Tbody>
              {cards.map((card) => (
                <Table.Tr key={card.id}>
                  <Table.Td>{cardLabel(card)}</Table.Td>
                  {editable && (
                    <Table.Td align="right">
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={t('cards.removeCard', { card: cardLabel(card) })}
                        loading={assignment.isPending && assignment.variables.cardId === card.id}
                        onClick={() => assignment.mutate({ cardId: card.id, userId: null })}
                      >
                        {t('cards.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <ProblemAlert error={assignment.error} />
        {assignment.isSuccess && (
          <Alert role="status">
            {assignment.variables.userId === null ? t('cards.removed') : t('cards.assigned')}
          </Alert>
        )}
        {editable && (
          <AssignCard
            accountId={accountId}
            onAssign={(cardId) => assignment.mutate({ cardId, userId })}
            pending={assignment.isPending}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

function AssignCard(props: {
  accountId: string;
  onAssign: (cardId: string) => void;
  pending: boolean;
}) {
  const { t } = useTranslation('drivers');
  const all = useChargingCards(props.accountId);
  const [chosen, setChosen] = useState<string | null>(null);
  const free = freeCards(all.data?.items ?? []);
  return (
    <Group align="flex-end" wrap="nowrap">
      <Select
        flex={1}
        label={t('cards.choose')}
        placeholder={all.isSuccess && free.length === 0 ? t('cards.noneFree') : undefined}
        searchable
        data={free.map((card) => ({ value: card.id, label: cardLabel(card) }))}
        value={chosen}
        onChange={setChosen}
      />
      <Button
        variant="default"
        disabled={chosen === null}
        loading={props.pending}
        onClick={() => {
          if (chosen === null) return;
          props.onAssign(chosen);
          setChosen(null);
        }}
      >
        {t('cards.assign')}
      </Button>
    </Group>
  );
}
