import {
  Button,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { downloads, useUpload } from './imports.api';
import { fileProblem, uploadForm, type UploadChoices } from './upload-rules';

/** Choose the kind, the file and the policy, and start the import (a dry run by default). */
export function UploadForm() {
  const { t } = useTranslation('imports');
  const navigate = useNavigate();
  const upload = useUpload();
  const form = useForm<UploadChoices>({
    initialValues: {
      kind: 'accounts',
      file: null,
      dryRun: true,
      onConflict: 'skip',
      sendInvitations: true,
    },
    validate: {
      file: (file) => (fileProblem(file) === undefined ? null : t('upload.fileRequired')),
    },
  });
  const submit = form.onSubmit((choices) => {
    if (choices.file === null) return;
    upload.mutate(uploadForm({ ...choices, file: choices.file }), {
      onSuccess: (job) => void navigate(`/imports/${job.id}`),
    });
  });
  const kind = form.getValues().kind;

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t('upload.title')}
          </Title>
          <ProblemAlert error={upload.error} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="import-kind">
              {t('upload.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="import-kind"
              data={[
                { value: 'accounts', label: t('upload.accounts') },
                { value: 'users', label: t('upload.users') },
              ]}
              {...form.getInputProps('kind')}
            />
          </Stack>
          <Group align="flex-end">
            <FileInput
              label={t('upload.file')}
              accept=".csv,text/csv"
              required
              {...form.getInputProps('file')}
            />
            <Button variant="subtle" onClick={() => void downloads.template(kind)}>
              {t('upload.template')}
            </Button>
          </Group>
          <Switch
            label={t('upload.dryRun')}
            {...form.getInputProps('dryRun', { type: 'checkbox' })}
          />
          <NativeSelect
            label={t('upload.onConflict')}
            data={(['skip', 'update', 'fail'] as const).map((policy) => ({
              value: policy,
              label: t(`upload.${policy}`),
            }))}
            {...form.getInputProps('onConflict')}
          />
          {kind === 'users' && (
            <Switch
              label={t('upload.sendInvitations')}
              {...form.getInputProps('sendInvitations', { type: 'checkbox' })}
            />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={upload.isPending}>
              {t('upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
