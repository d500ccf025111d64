import { Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Pager } from './Pager';
import { ProblemAlert } from './ProblemAlert';

/** What a panel shows of the query reading its list. */
export interface ListRead<Row> {
  data?: { items: Row[]; nextCursor: string | null };
  error: unknown;
  isSuccess: boolean;
}

/**
 * One page of a list within a panel, laid out as every such panel is: a lead (with the button that
 * adds one beside it, or the form that adds one below it), the search, what went wrong reading
 * the list, the last row action's outcome, the table, what to say when it is empty, and the pager.
 */
export function ListPanel<Row extends { id: string }>(props: {
  lead: string;
  addButton?: ReactNode;
  addForm?: ReactNode;
  search?: ReactNode;
  list: ListRead<Row>;
  /** The last row action's confirmation or problem. */
  outcome?: ReactNode;
  /** Below it the table scrolls sideways rather than squeezing its columns. */
  minWidth: number;
  /** The header cells. */
  columns: ReactNode;
  /** A row's cells. */
  cells: (row: Row) => ReactNode;
  empty: string;
  cursor: string | undefined;
  onPage: (cursor: string | undefined) => void;
  /** What the panel opens: its modals and drawers. */
  children?: ReactNode;
}) {
  const { list } = props;
  const rows = list.data?.items ?? [];
  const lead = <Text c="dimmed">{props.lead}</Text>;
  return (
    <Stack>
      {props.addButton === undefined ? (
        lead
      ) : (
        <Group justify="space-between" align="flex-end">
          {lead}
          {props.addButton}
        </Group>
      )}
      {props.addForm}
      {props.search}
      <ProblemAlert error={list.error} />
      {props.outcome}
      <Table.ScrollContainer minWidth={props.minWidth}>
        <Table>
          <Table.Thead>
            <Table.Tr>{props.columns}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>{props.cells(row)}</Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.isSuccess && rows.length === 0 && <Text>{props.empty}</Text>}
      <Pager cursor={props.cursor} nextCursor={list.data?.nextCursor} onPage={props.onPage} />
      {props.children}
    </Stack>
  );
}
