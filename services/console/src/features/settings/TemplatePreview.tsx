import { Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { previewDocument } from './preview-document';
import classes from './TemplatePreview.module.css';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * A rendered email as the API answered its preview. The HTML goes into a frame sandboxed of
 * everything (no script, no forms, an origin of its own), so nothing in a template acts with
 * the console's rights.
 */
export function TemplatePreview({ email }: { email: RenderedEmail }) {
  const { t } = useTranslation('settings');
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h3">
          {t('templates.previewTitle')}
        </Title>
        <Text fw={500}>{t('templates.previewSubject', { subject: email.subject })}</Text>
        <Text size="sm" c="dimmed">
          {t('templates.previewUnstyled')}
        </Text>
        <iframe
          className={classes.frame}
          sandbox=""
          title={t('templates.previewFrame')}
          srcDoc={previewDocument(email.html)}
        />
        <Title order={3} size="h4">
          {t('templates.previewText')}
        </Title>
        <Code block>{email.text}</Code>
      </Stack>
    </Paper>
  );
}
