import { Alert, Button, Checkbox, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { CopyValueButton } from './CopyValueButton';
import { registrationChange, type RegistrationValues } from './registration-rules';
import {
  useRegistrationSettings,
  useSaveRegistrationSettings,
  type RegistrationSettings,
} from './registration.api';

/** Whether drivers may register themselves with the account's code, waiting to be approved. */
export function RegistrationPanel({ accountId }: { accountId: string }) {
  const settings = useRegistrationSettings(accountId);
  if (settings.isError) return <ProblemAlert error={settings.error} />;
  if (settings.data === undefined) return <Loader />;
  return <RegistrationForm accountId={accountId} settings={settings.data} />;
}

function RegistrationForm(props: { accountId: string; settings: RegistrationSettings }) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const manages = useAccess().can('invitations.manage');
  const save = useSaveRegistrationSettings(props.accountId);
  const form = useForm<RegistrationValues>({
    initialValues: { enabled: props.settings.enabled, newCode: false },
  });
  const { registrationCode, updatedAt } = props.settings;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(registrationChange(values), {
          onSuccess: (saved) => form.setValues({ enabled: saved.enabled, newCode: false }),
        }),
      )}
    >
      <Stack maw={560}>
        <Text c="dimmed">{t('registration.lead')}</Text>
        <ProblemAlert error={save.error} />
        {save.isSuccess && <Alert role="status">{t('registration.saved')}</Alert>}
        <Switch
          label={t('registration.enabled')}
          description={t('registration.enabledHint')}
          disabled={!manages}
          {...form.getInputProps('enabled', { type: 'checkbox' })}
        />
        {registrationCode !== null && (
          <Group gap="sm">
            <Text>{t('registration.code')}:</Text>
            <Text ff="monospace" fw={700}>
              {registrationCode}
            </Text>
            <CopyValueButton value={registrationCode} />
          </Group>
        )}
        {manages && form.values.enabled && registrationCode !== null && (
          <Checkbox
            label={t('registration.newCode')}
            description={t('registration.newCodeHint')}
            {...form.getInputProps('newCode', { type: 'checkbox' })}
          />
        )}
        <Text size="xs" c="dimmed">
          {t('registration.updated')}: {formatDateTime(updatedAt)}
        </Text>
        {manages && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {common('action.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
