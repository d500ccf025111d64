import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a record holds, a row each: its label as the row's header, then the value. */
export function DetailsTable({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="40%">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
