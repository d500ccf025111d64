import {
  Alert,
  Button,
  Group,
  Paper,
  PasswordInput,
  Radio,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import {
  initialProviderValues,
  keepsSecret,
  providerChange,
  providerProblems,
  type ProviderValues,
} from './email-provider-rules';
import {
  providerNames,
  type EmailProvider,
  type EmailProviderChange,
  type ProviderActions,
  type ProviderName,
} from './settings.api';

/**
 * Choose SMTP, Postmark, the log or none, with the chosen one's fields. Secrets are write-only:
 * the form never holds the one in use, only says whether one is set and takes a replacement.
 */
export function ProviderForm(props: {
  current: EmailProvider;
  save: ProviderActions['save'];
  /** The provider just saved, to confirm it. */
  saved: ProviderName | undefined;
  onSave: (change: EmailProviderChange) => void;
}) {
  const { t } = useTranslation('settings');
  const { current, save, saved, onSave } = props;
  const form = useForm<ProviderValues>({
    initialValues: initialProviderValues(current),
    validate: (values) => {
      const problems = providerProblems(values, current);
      return Object.fromEntries(
        Object.entries(problems).map(([field, problem]) => [
          field,
          t(`provider.problems.${problem}`),
        ]),
      );
    },
  });
  const { provider } = form.getValues();
  const secretHint = (fallback?: string) =>
    keepsSecret(current, provider) ? t('provider.secretKept') : fallback;
  const submit = form.onSubmit((values) => onSave(providerChange(values)));

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t('provider.formTitle')}
          </Title>
          <ProblemAlert error={save.error} />
          {saved !== undefined && (
            <Alert role="status">
              {t('provider.saved', { provider: t(`provider.names.${saved}`) })}
            </Alert>
          )}
          <Radio.Group label={t('provider.provider')} {...form.getInputProps('provider')}>
            <Stack gap="xs" mt="xs">
              {providerNames.map((name) => (
                <Radio
                  key={name}
                  value={name}
                  label={t(`provider.names.${name}`)}
                  description={t(`provider.hints.${name}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {provider === 'smtp' && (
            <PasswordInput
              label={t('provider.smtpUrl')}
              description={secretHint(t('provider.smtpUrlHint'))}
              autoComplete="off"
              required={!keepsSecret(current, 'smtp')}
              {...form.getInputProps('smtpUrl')}
            />
          )}
          {provider === 'postmark' && (
            <>
              <PasswordInput
                label={t('provider.token')}
                description={secretHint()}
                autoComplete="off"
                required={!keepsSecret(current, 'postmark')}
                {...form.getInputProps('postmarkServerToken')}
              />
              <TextInput
                label={t('provider.messageStream')}
                description={t('provider.streamHint')}
                {...form.getInputProps('messageStream')}
              />
            </>
          )}
          <TextInput
            label={t('provider.from')}
            description={t('provider.fromHint')}
            {...form.getInputProps('from')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('provider.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
