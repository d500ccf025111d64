import { Button, CopyButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Puts a value on the clipboard, and says so for a moment. */
export function CopyValueButton({ value, label }: { value: string; label?: string }) {
  const { t } = useTranslation('accountSettings');
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Button variant="default" size="compact-sm" onClick={copy} aria-live="polite">
          {copied ? t('copy.copied') : (label ?? t('copy.copy'))}
        </Button>
      )}
    </CopyButton>
  );
}
