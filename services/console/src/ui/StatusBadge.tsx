import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colours: Record<string, string> = {
  invited: 'yellow',
  active: 'green',
  deactivated: 'gray',
  pending_approval: 'orange',
};

type UserStatus = 'invited' | 'active' | 'deactivated' | 'pending_approval';

/** A user's status in words; the colour only repeats what the word says. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = status in colours;
  return (
    <Badge color={colours[status] ?? 'gray'} variant="light" autoContrast>
      {known ? t(`status.${status as UserStatus}`) : status}
    </Badge>
  );
}
