import { Button, Drawer, Stack } from '@mantine/core';
import { DetailsTable } from '../../ui/DetailsTable';
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
      <DetailsTable
        rows={[
          [common('field.email'), invitation.email],
          [common('field.status'), <InvitationStatusBadge status={invitation.status} />],
          [
            t('invitation.emailStatus'),
            <EmailStatusBadge status={invitation.emailStatus.status} />,
          ],
          [t('invitation.expires'), formatDateTime(invitation.expiresAt)],
        ]}
      />
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
