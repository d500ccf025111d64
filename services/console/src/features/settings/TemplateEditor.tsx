import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ActionResult } from '../people/ActionResult';
import { ConfirmButton } from '../people/ConfirmButton';
import {
  useTemplate,
  useTemplateActions,
  type Template,
  type TemplateActions,
  type TemplateParts,
} from './settings.api';
import { emailName, languageName } from './template-names';
import { TemplatePreview } from './TemplatePreview';
import { templateProblems } from './template-rules';

/** One email in one language: its subject and bodies, previewed with sample data, then saved. */
export function TemplateEditor(props: { templateKey: string; language: string }) {
  const { t } = useTranslation('settings');
  const template = useTemplate(props.templateKey, props.language);
  // Kept here, above the form they outlive: the form starts again from each saved answer.
  const actions = useTemplateActions(props.templateKey, props.language);
  return (
    <Stack>
      <Anchor component={RouterLink} to="/settings/templates">
        ← {t('templates.back')}
      </Anchor>
      <ProblemAlert error={template.error} />
      {template.data === null && <Alert color="red">{t('templates.notFound')}</Alert>}
      {template.data && (
        // Started again from the template in effect whenever it changes (saved or reset).
        <TemplateForm
          key={template.data.updatedAt ?? 'shipped'}
          template={template.data}
          actions={actions}
        />
      )}
    </Stack>
  );
}

function TemplateForm({ template, actions }: { template: Template; actions: TemplateActions }) {
  const { t } = useTranslation('settings');
  const form = useForm<TemplateParts>({
    initialValues: { subject: template.subject, html: template.html, text: template.text },
    validate: (parts) =>
      Object.fromEntries(
        Object.entries(templateProblems(parts)).map(([part, problem]) => [
          part,
          t(`templates.problems.${problem}`),
        ]),
      ),
  });
  const title = t('templates.editorTitle', {
    email: emailName(t, template.key),
    language: languageName(template.language),
  });

  return (
    <>
      <Paper withBorder p="md">
        <form
          onSubmit={form.onSubmit((parts) => {
            actions.restoreShipped.reset();
            actions.save.mutate(parts);
          })}
          noValidate
        >
          <Stack>
            <Group justify="space-between">
              <Title order={2} size="h3">
                {title}
              </Title>
              <Badge variant="light" color={template.source === 'override' ? 'blue' : 'gray'}>
                {t(`templates.sources.${template.source}`)}
              </Badge>
            </Group>
            {template.updatedAt !== null && (
              <Text size="sm" c="dimmed">
                {t('templates.updated', { at: formatDateTime(template.updatedAt) })}
              </Text>
            )}
            <div>
              <Text size="sm" fw={500}>
                {t('templates.variables')}
              </Text>
              <Group gap="xs" mt={4}>
                {template.variables.map((variable) => (
                  <Code key={variable}>{`{{${variable}}}`}</Code>
                ))}
              </Group>
            </div>
            <ProblemAlert error={actions.save.error ?? actions.preview.error} />
            {actions.save.isSuccess && <Alert role="status">{t('templates.saved')}</Alert>}
            <ActionResult action={actions.restoreShipped} done={t('templates.wasReset')} />
            <TextInput label={t('templates.subject')} required {...form.getInputProps('subject')} />
            <Textarea
              label={t('templates.html')}
              description={t('templates.partsHint')}
              required
              autosize
              minRows={6}
              maxRows={20}
              ff="monospace"
              {...form.getInputProps('html')}
            />
            <Textarea
              label={t('templates.text')}
              required
              autosize
              minRows={6}
              maxRows={20}
              ff="monospace"
              {...form.getInputProps('text')}
            />
            <Group justify="space-between">
              {template.source === 'override' ? (
                <ConfirmButton
                  variant="default"
                  label={t('templates.reset')}
                  question={t('templates.resetQuestion')}
                  onConfirm={() => {
                    actions.save.reset();
                    actions.restoreShipped.mutate();
                  }}
                />
              ) : (
                <span />
              )}
              <Group>
                <Button
                  variant="default"
                  loading={actions.preview.isPending}
                  onClick={() => {
                    if (!form.validate().hasErrors) actions.preview.mutate(form.getValues());
                  }}
                >
                  {t('templates.preview')}
                </Button>
                <Button type="submit" loading={actions.save.isPending}>
                  {t('templates.save')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Paper>
      {actions.preview.data !== undefined && <TemplatePreview email={actions.preview.data} />}
    </>
  );
}
