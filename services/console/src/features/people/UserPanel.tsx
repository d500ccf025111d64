import { Badge, Button, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
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
      <Table>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{common('field.name')}</Table.Th>
            <Table.Td>{user.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{common('field.email')}</Table.Th>
            <Table.Td>{user.email}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{common('field.status')}</Table.Th>
            <Table.Td>
              <StatusBadge status={user.status} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{common('field.roles')}</Table.Th>
            <Table.Td>
              <Group gap="xs">
                {roles.map((role) => (
                  <Badge key={role} variant="outline">
                    {role}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{common('field.lastLogin')}</Table.Th>
            <Table.Td>{formatDateTime(user.lastLoginAt)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
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
