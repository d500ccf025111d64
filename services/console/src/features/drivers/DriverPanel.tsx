import { Drawer, Loader, Stack } from '@mantine/core';
import { DetailsTable } from '../../ui/DetailsTable';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { ActionResult, useLastAction } from '../people/ActionResult';
import { ConfirmButton } from '../people/ConfirmButton';
import { DriverCards } from './DriverCards';
import { DriverForm } from './DriverForm';
import { useDeleteUser, useDriver, type Account, type Driver } from './drivers.api';

/** A driver of the account in a side panel: their profile, their cards, and deleting them. */
export function DriverPanel(props: {
  account: Account;
  userId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation('drivers');
  const { account, userId, onClose } = props;
  return (
    <Drawer
      opened={userId !== undefined}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('panel.title')}
    >
      {userId !== undefined && (
        <LoadedDriver key={userId} account={account} userId={userId} onGone={onClose} />
      )}
    </Drawer>
  );
}

/** The panel reads the driver itself, so it stays open when a change moves them out of a tab. */
function LoadedDriver(props: { account: Account; userId: string; onGone: () => void }) {
  const driver = useDriver(props.account.id, props.userId);
  if (driver.isError) return <ProblemAlert error={driver.error} />;
  if (driver.data === undefined) return <Loader />;
  return <DriverDetails {...props} driver={driver.data} />;
}

function DriverDetails(props: {
  account: Account;
  userId: string;
  driver: Driver;
  onGone: () => void;
}) {
  const { t } = useTranslation('drivers');
  const { t: people } = useTranslation('people');
  const { t: common } = useTranslation();
  const access = useAccess();
  const { account, userId, driver, onGone } = props;
  const { run, shown } = useLastAction({ remove: useDeleteUser(userId) });

  return (
    <Stack>
      <DetailsTable
        rows={[
          [common('field.name'), driver.name],
          [common('field.email'), driver.email],
          [common('field.status'), <StatusBadge status={driver.status} />],
        ]}
      />
      <DriverForm
        account={account}
        userId={userId}
        driver={driver}
        editable={access.can('drivers.manage')}
      />
      {access.can('charging_cards.read') && (
        <DriverCards
          accountId={account.id}
          userId={userId}
          editable={access.can('charging_cards.manage')}
        />
      )}
      <ActionResult {...shown} />
      {access.can('users.delete') && (
        <ConfirmButton
          color="red"
          variant="light"
          label={people('user.delete')}
          question={people('user.confirmDelete', { email: driver.email })}
          onConfirm={() => run('remove', t('deleted'), onGone)}
        />
      )}
    </Stack>
  );
}
