import { Badge, Button, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { DetailsTable } from '../../ui/DetailsTable';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { ActionResult, useLastAction } from './ActionResult';
import { ConfirmButton } from './ConfirmButton';
import { useUser, useUserActions, type User } from './people.api';

/** A user's details and what may be done to them, in a side panel. */
export function UserPanel({
  userId,
  onClose,
}: {
  userId: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation('people');
  return (
    <Drawer
      opened={userId !== undefined}
      onClose={onClose}
      position="right"
      title={t('user.title')}
    >
      {userId !== undefined && <LoadedUser key={userId} userId={userId} onGone={onClose} />}
    </Drawer>
  );
}

/** The panel reads the user itself, so it stays open when a change moves them out of a list. */
function LoadedUser({ userId, onGone }: { userId: string; onGone: () => void }) {
  const user = useUser(userId);
  if (user.isError) return <ProblemAlert error={user.error} />;
  if (user.data === undefined) return <Loader />;
  return <UserDetails user={user.data} onGone={onGone} />;
}

function UserDetails({ user, onGone }: { user: User; onGone: () => void }) {
  const { t } = useTranslation('people');
  const { t: common } = useTranslation();
  const access = useAccess();
  const actions = useUserActions(user);
  const { run, shown } = useLastAction(actions);
  const roles = [...new Set(user.memberships.flatMap((membership) => membership.roles))];

  return (
    <Stack>
      <DetailsTable
        rows={[
          [common('field.name'), user.name],
          [common('field.email'), user.email],
          [common('field.status'), <StatusBadge status={user.status} />],
          [
            common('field.roles'),
            <Group gap="xs">
              {roles.map((role) => (
                <Badge key={role} variant="outline">
                  {role}
                </Badge>
              ))}
            </Group>,
          ],
          [common('field.lastLogin'), formatDateTime(user.lastLoginAt)],
        ]}
      />
      <ActionResult {...shown} />
      {access.can('users.manage') && (
        <Stack gap="xs">
          {user.status === 'deactivated' ? (
            <Button variant="default" onClick={() => run('reactivate', common('status.active'))}>
              {t('user.reactivate')}
            </Button>
          ) : (
            <Button
              variant="default"
              onClick={() => run('deactivate', common('status.deactivated'))}
            >
              {t('user.deactivate')}
            </Button>
          )}
          <Button
            variant="default"
            onClick={() => run('resetPassword', t('user.resetSent', { email: user.email }))}
          >
            {t('user.resetPassword')}
          </Button>
          <Button
            variant="default"
            onClick={() => run('securityReport', t('user.reportSent', { email: user.email }))}
          >
            {t('user.securityReport')}
          </Button>
        </Stack>
      )}
      {access.can('users.delete') && (
        <ConfirmButton
          color="red"
          variant="light"
          label={t('user.delete')}
          question={t('user.confirmDelete', { email: user.email })}
          onConfirm={() => run('remove', t('user.delete'), onGone)}
        />
      )}
      <Text size="xs" c="dimmed">
        {common('field.created')}: {formatDateTime(user.createdAt)}
      </Text>
    </Stack>
  );
}
