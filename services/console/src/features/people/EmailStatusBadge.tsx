import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../i18n/messages';
import type { commonTexts } from '../../i18n/common-texts';

type EmailStatus = keyof Messages<(typeof commonTexts)['en']['emailStatus']>;
const colours: Record<EmailStatus, string> = {
  not_requested: 'gray',
  queued: 'blue',
  sent: 'green',
  not_sent: 'orange',
  failed: 'red',
  bounced: 'red',
};

function isEmailStatus(status: string): status is EmailStatus {
  return status in colours;
}

/** Whether an invitation's email went out: sent, not sent (no provider), bounced… */
export function EmailStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  if (!isEmailStatus(status)) return <Badge variant="light">{status}</Badge>;
  return (
    <Badge color={colours[status]} variant="light" autoContrast>
      {t(`emailStatus.${status}`)}
    </Badge>
  );
}
