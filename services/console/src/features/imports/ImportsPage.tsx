import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { downloads, useImports } from './imports.api';
import { UploadForm } from './UploadForm';

/** Import and export: the export buttons, a new import, and the imports so far. */
export function ImportsPage() {
  const { t } = useTranslation('imports');
  const access = useAccess();
  const list = useListParams([]);
  const jobs = useImports(list.cursor);
  const rows = jobs.data?.items ?? [];

  return (
    <Stack>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      {access.can('exports.read') && (
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            {t('export.title')}
          </Title>
          <Group>
            <Button variant="default" onClick={() => void downloads.accounts()}>
              {t('export.accounts')}
            </Button>
            <Button variant="default" onClick={() => void downloads.users()}>
              {t('export.users')}
            </Button>
          </Group>
        </Paper>
      )}
      <UploadForm />
      <Title order={2} size="h3">
        {t('jobs.title')}
      </Title>
      <ProblemAlert error={jobs.error} />
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('jobs.file')}</Table.Th>
              <Table.Th>{t('jobs.status')}</Table.Th>
              <Table.Th>{t('jobs.started')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((job) => (
              <Table.Tr key={job.id}>
                <Table.Td>
                  <Anchor component={RouterLink} to={`/imports/${job.id}`}>
                    {job.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`status.${job.status}`)}</Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(job.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {jobs.isSuccess && rows.length === 0 && <Text>{t('jobs.empty')}</Text>}
      <Pager cursor={list.cursor} nextCursor={jobs.data?.nextCursor} onPage={list.page} />
    </Stack>
  );
}
