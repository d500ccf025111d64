import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { downloads, isRunning, useImport, useJobActions } from './imports.api';
import { JobProgress } from './JobProgress';
import { RowsPreview } from './RowsPreview';

/** One import: its progress, the rows' preview, apply a dry run, cancel, the errors to fix. */
export function ImportJobPage() {
  const { t } = useTranslation('imports');
  const { importId = '' } = useParams();
  const job = useImport(importId);
  const actions = useJobActions(importId);

  if (job.data === undefined) return <ProblemAlert error={job.error} />;
  const current = job.data;
  const problems = current.counts.invalid + current.counts.failed;

  return (
    <Stack>
      <Anchor component={RouterLink} to="/imports" size="sm">
        ← {t('job.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{current.fileName}</Title>
        <Badge size="lg" variant="light">
          {t(`status.${current.status}`)}
        </Badge>
      </Group>
      {current.failure !== null && (
        <Alert color="red" role="alert">
          {current.failure}
        </Alert>
      )}
      <ProblemAlert error={actions.apply.error ?? actions.cancel.error} />
      <JobProgress job={current} />
      <Group>
        {current.status === 'ready' && (
          <Button onClick={() => actions.apply.mutate()} loading={actions.apply.isPending}>
            {t('job.apply')}
          </Button>
        )}
        {(isRunning(current) || current.status === 'ready') && (
          <Button variant="default" color="red" onClick={() => actions.cancel.mutate()}>
            {t('job.cancel')}
          </Button>
        )}
        {problems > 0 && !isRunning(current) && (
          <Button variant="default" onClick={() => void downloads.errors(current)}>
            {t('job.errors')}
          </Button>
        )}
      </Group>
      {problems > 0 && !isRunning(current) && (
        <Text size="sm" c="dimmed">
          {t('job.errorsHint')}
        </Text>
      )}
      <RowsPreview job={current} />
    </Stack>
  );
}
