import { Button, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { InvitationPanel } from '../people/InvitationPanel';
import type { Paging } from '../people/PeopleLists';
import { DriverPanel } from './DriverPanel';
import { useInvitation, type Account, type Driver, type DriverListTab } from './drivers.api';

type DriverPage = { items: Driver[]; nextCursor: string | null };

/** What a row opens: the driver's panel, or the panel of an invitation nobody accepted yet. */
type Opened = { userId: string } | { invitationId: string };

function opens(driver: Driver): Opened | undefined {
  if (driver.userId !== null) return { userId: driver.userId };
  if (driver.invitation !== null) return { invitationId: driver.invitation.id };
  return undefined;
}

/**
 * A page of an account's drivers; the active tab shows their licence plates, the invited tab
 * when each invitation expires.
 */
export function DriverList(props: {
  account: Account;
  tab: DriverListTab;
  drivers: UseQueryResult<DriverPage>;
  paging: Paging;
}) {
  const { t } = useTranslation();
  const { t: drivers } = useTranslation('drivers');
  const { account, tab, paging } = props;
  const [opened, setOpened] = useState<Opened>();
  const rows = props.drivers.data?.items ?? [];
  const close = () => setOpened(undefined);
  return (
    <>
      <ProblemAlert error={props.drivers.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.name')}</Table.Th>
              <Table.Th>{t('field.email')}</Table.Th>
              <Table.Th>{t('field.status')}</Table.Th>
              <Table.Th>
                {tab === 'active' ? drivers('list.licencePlate') : drivers('list.expires')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((driver) => (
              <Table.Tr key={driver.userId ?? driver.invitation?.id ?? driver.email}>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    disabled={opens(driver) === undefined}
                    onClick={() => setOpened(opens(driver))}
                  >
                    {driver.name || driver.email}
                  </Button>
                </Table.Td>
                <Table.Td>{driver.email}</Table.Td>
                <Table.Td>
                  <StatusBadge status={driver.status} />
                </Table.Td>
                <Table.Td>
                  {tab === 'active'
                    ? driver.vehicle?.licencePlate
                    : driver.invitation && formatDateTime(driver.invitation.expiresAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.drivers.isSuccess && rows.length === 0 && <Text>{t('list.empty')}</Text>}
      <Pager
        cursor={paging.cursor}
        nextCursor={props.drivers.data?.nextCursor}
        onPage={paging.onPage}
      />
      <DriverPanel
        account={account}
        userId={opened !== undefined && 'userId' in opened ? opened.userId : undefined}
        onClose={close}
      />
      <OpenedInvitation
        invitationId={
          opened !== undefined && 'invitationId' in opened ? opened.invitationId : undefined
        }
        onClose={close}
      />
    </>
  );
}

/** The invitation panel of people, for an invitation the invited tab lists. */
function OpenedInvitation(props: { invitationId: string | undefined; onClose: () => void }) {
  const invitation = useInvitation(props.invitationId);
  return (
    <>
      <ProblemAlert error={invitation.error} />
      <InvitationPanel
        invitation={props.invitationId === undefined ? undefined : invitation.data}
        onClose={props.onClose}
      />
    </>
  );
}
