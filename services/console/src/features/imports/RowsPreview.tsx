import { Badge, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../ui/list-params';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useImportRows, type ImportJob, type RowOutcome } from './imports.api';

const outcomes: readonly RowOutcome[] = ['created', 'updated', 'skipped', 'invalid', 'failed'];
const colours: Record<RowOutcome, string> = {
  created: 'green',
  updated: 'blue',
  skipped: 'gray',
  invalid: 'red',
  failed: 'red',
};

function isOutcome(value: string | undefined): value is RowOutcome {
  return (outcomes as readonly (string | undefined)[]).includes(value);
}

/** Each row of the file with what happens to it (or would), filtered by outcome in the address. */
export function RowsPreview({ job }: { job: ImportJob }) {
  const { t } = useTranslation('imports');
  const list = useListParams(['outcome']);
  const asked = list.filter('outcome');
  const outcome = isOutcome(asked) ? asked : undefined;
  const rows = useImportRows(job.id, outcome, list.cursor, job.status !== 'validating');
  // The file's first columns say which record a row is; the rest is in the errors CSV.
  const shown = (rows.data?.headers ?? []).slice(0, 3);

  return (
    <>
      <Title order={2} size="h3">
        {t('preview.title')}
      </Title>
      <Tabs
        value={outcome ?? 'all'}
        onChange={(tab) => list.set({ outcome: tab === 'all' ? undefined : (tab ?? undefined) })}
      >
        <Tabs.List>
          <Tabs.Tab value="all">{t('preview.all')}</Tabs.Tab>
          {outcomes.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`outcome.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <ProblemAlert error={rows.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('preview.line')}</Table.Th>
              <Table.Th>{t('preview.outcome')}</Table.Th>
              {shown.map((header) => (
                <Table.Th key={header}>{header}</Table.Th>
              ))}
              <Table.Th>{t('preview.problems')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rows.data?.items ?? []).map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>
                  {row.outcome === null ? (
                    t('preview.unknown')
                  ) : (
                    <Badge color={colours[row.outcome]} variant="light" autoContrast>
                      {t(`outcome.${row.outcome}`)}
                    </Badge>
                  )}
                </Table.Td>
                {shown.map((header, position) => (
                  <Table.Td key={header}>{row.cells[position]}</Table.Td>
                ))}
                <Table.Td>
                  {row.violations.map((violation) => (
                    <Text key={`${violation.field}:${violation.message}`} size="sm">
                      {violation.field === ''
                        ? violation.message
                        : `${violation.field}: ${violation.message}`}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager cursor={list.cursor} nextCursor={rows.data?.nextCursor} onPage={list.page} />
    </>
  );
}
