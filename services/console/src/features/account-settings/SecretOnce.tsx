import { Alert, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyValueButton } from './CopyValueButton';

/**
 * A secret the API gives this once: shown with a copy button and a warning. The dialog that
 * shows it drops it on closing (its mutation is reset and not cached), so it is never shown again.
 */
export function SecretOnce({ secret, label }: { secret: string; label: string }) {
  const { t } = useTranslation('accountSettings');
  return (
    <Stack gap="xs">
      <Alert role="status" color="yellow" title={label}>
        {t('secret.onlyOnce')}
      </Alert>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {secret}
        </Code>
        <CopyValueButton value={secret} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('secret.keepItSafe')}
      </Text>
    </Stack>
  );
}
