import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colours = {
  pending: 'yellow',
  accepted: 'green',
  expired: 'gray',
  revoked: 'gray',
  superseded: 'gray',
} as const;

function isInvitationStatus(status: string): status is keyof typeof colours {
  return status in colours;
}

/** Where an invitation stands: pending, accepted, expired, cancelled or superseded. */
export function InvitationStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isInvitationStatus(status)) return <Badge variant="light">{status}</Badge>;
  return (
    <Badge color={colours[status]} variant="light" autoContrast>
      {t(`invitationStatus.${status}`)}
    </Badge>
  );
}
