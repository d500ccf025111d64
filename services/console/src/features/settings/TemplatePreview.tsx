import { Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './TemplatePreview.module.css';

export interface RenderedEmail {
  subject: string;
  text: string;
  /** The rendered HTML as a document of its own, served under a policy that lets it style itself. */
  previewUrl: string;
}

/**
 * A rendered email as the API answered its preview. The frame loads the gateway's copy of the
 * HTML rather than the HTML itself: a document of the frame's own keeps the email's styles and
 * images, which the console's policy would refuse. The frame is sandboxed of everything (no
 * script, no forms, an origin of its own), so nothing in a template acts with the console's rights.
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
        <iframe
          className={classes.frame}
          sandbox=""
          title={t('templates.previewFrame')}
          src={email.previewUrl}
        />
        <Title order={3} size="h4">
          {t('templates.previewText')}
        </Title>
        <Code block>{email.text}</Code>
      </Stack>
    </Paper>
  );
}
