import { Button, Drawer, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime } from '../../ui/format';
import { ActionResult, useLastAction } from './ActionResult';
import { EmailStatusBadge } from './EmailStatusBadge';
import { InvitationStatusBadge } from './InvitationStatusBadge';
import { useInvitationActions, type InvitationSummary } from './people.api';

/** An invitation's state, its email's fate, and resend or cancel while it is open. */
export function InvitationPanel(props: {
  invitation: InvitationSummary | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation('people');
  const { invitation, onClose } = props;
  return (
    <Drawer
      opened={invitation !== undefined}
      onClose={onClose}
      position="right"
      title={t('invitation.title')}
    >
      {invitation !== undefined && (
        <InvitationDetails key={invitation.id} invitation={invitation} onGone={onClose} />
      )}
    </Drawer>
  );
}

function InvitationDetails(props: { invitation: InvitationSummary; onGone: () => void }) {
  const { t } = useTranslation('people');
  const { t: common } = useTranslation();
  const access = useAccess();
  const { invitation, onGone } = props;
  const actions = useInvitationActions(invitation);
  const { run, shown } = useLastAction(actions);
  const open = invitation.status === 'pending';

  return (
    <Stack>
      <Table>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{common('field.email')}</Table.Th>
            <Table.Td>{invitation.email}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{common('field.status')}</Table.Th>
            <Table.Td>
              <InvitationStatusBadge status={invitation.status} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('invitation.emailStatus')}</Table.Th>
            <Table.Td>
              <EmailStatusBadge status={invitation.emailStatus.status} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('invitation.expires')}</Table.Th>
            <Table.Td>{formatDateTime(invitation.expiresAt)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <ActionResult {...shown} />
      {open && access.can('invitations.manage') && (
        <Stack gap="xs">
          <Button variant="default" onClick={() => run('resend', t('invitation.resent'))}>
            {t('invitation.resend')}
          </Button>
          <Button
            color="red"
            variant="light"
            onClick={() => run('revoke', t('invitation.cancelled'), onGone)}
          >
            {t('invitation.cancel')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
