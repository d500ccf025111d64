import { Alert, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime } from '../../ui/format';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ConfirmButton } from '../people/ConfirmButton';
import type { Paging } from '../people/PeopleLists';
import {
  usePendingRegistrations,
  useRegistrationDecision,
  type RegistrationDecision,
} from './drivers.api';

/** Drivers who registered themselves and wait: approved, they become active; rejected, erased. */
export function RegistrationList({
  accountId,
  q,
  paging,
}: {
  accountId: string;
  /** Part of the registrant's email or name. */
  q: string | undefined;
  paging: Paging;
}) {
  const { t } = useTranslation();
  const { t: drivers } = useTranslation('drivers');
  const access = useAccess();
  const registrations = usePendingRegistrations(accountId, { q, cursor: paging.cursor });
  const decide = useRegistrationDecision();
  const rows = registrations.data?.items ?? [];
  const mayDecide = access.can('invitations.manage');
  const decided = ({ registration, decision }: RegistrationDecision) =>
    decision === 'approve'
      ? drivers('registrations.approved', { name: registration.name || registration.email })
      : drivers('registrations.rejected', { email: registration.email });
  return (
    <>
      <ProblemAlert error={registrations.error} />
      <ProblemAlert error={decide.error} />
      {decide.isSuccess && <Alert role="status">{decided(decide.variables)}</Alert>}
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.name')}</Table.Th>
              <Table.Th>{t('field.email')}</Table.Th>
              <Table.Th>{drivers('list.registered')}</Table.Th>
              {mayDecide && <Table.Th>{drivers('list.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((registration) => (
              <Table.Tr key={registration.id}>
                <Table.Td>{registration.name}</Table.Td>
                <Table.Td>{registration.email}</Table.Td>
                <Table.Td>{formatDateTime(registration.createdAt)}</Table.Td>
                {mayDecide && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        loading={
                          decide.isPending && decide.variables.registration.id === registration.id
                        }
                        onClick={() => decide.mutate({ registration, decision: 'approve' })}
                      >
                        {drivers('registrations.approve')}
                        <VisuallyHidden> {registration.email}</VisuallyHidden>
                      </Button>
                      <ConfirmButton
                        size="compact-sm"
                        color="red"
                        variant="light"
                        label={drivers('registrations.reject')}
                        question={drivers('registrations.confirmReject', {
                          email: registration.email,
                        })}
                        onConfirm={() => decide.mutate({ registration, decision: 'reject' })}
                      />
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {registrations.isSuccess && rows.length === 0 && <Text>{t('list.empty')}</Text>}
      <Pager
        cursor={paging.cursor}
        nextCursor={registrations.data?.nextCursor}
        onPage={paging.onPage}
      />
    </>
  );
}
