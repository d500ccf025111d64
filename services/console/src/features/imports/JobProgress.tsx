import { Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import { isRunning, type ImportJob } from './imports.api';

/** How far the job is, how fast it goes, and its counts (as "would" for a dry run). */
export function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation('imports');
  const would = job.dryRun && job.status === 'ready';
  const counts = ['total', 'valid', 'invalid', 'created', 'updated', 'skipped', 'failed'] as const;
  const label = (name: (typeof counts)[number]) =>
    would && (name === 'created' || name === 'updated' || name === 'skipped')
      ? t(`job.wouldCounts.${name}`)
      : t(`job.counts.${name}`);

  return (
    <Stack>
      {isRunning(job) && (
        <Stack gap={4}>
          <Progress value={job.percentDone} aria-label={t('job.progress')} size="lg" animated />
          <Group gap="md">
            <Text size="sm">{job.percentDone} %</Text>
            <Text size="sm">
              {t('job.speed', { rows: formatNumber(Math.round(job.rowsPerSecond)) })}
            </Text>
            {job.estimatedSecondsLeft !== null && (
              <Text size="sm">
                {t('job.left', { seconds: formatNumber(job.estimatedSecondsLeft) })}
              </Text>
            )}
          </Group>
        </Stack>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4, md: 7 }}>
        {counts.map((name) => (
          <div key={name}>
            <Text size="xs" c="dimmed">
              {label(name)}
            </Text>
            <Text fw={700} data-count={name}>
              {formatNumber(job.counts[name])}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
