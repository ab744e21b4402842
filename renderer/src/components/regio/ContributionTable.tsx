import { Table } from '@mantine/core';
import type { z } from 'zod';
import type { reportTable } from '../../../../core/contract/entities';

type ReportTable = z.infer<typeof reportTable>;

/** One table of the regiobijdrage, captioned with its title; exact numbers, as the file holds them. */
export function ContributionTable({ table }: { table: ReportTable }) {
  return (
    <Table.ScrollContainer minWidth={0} type="native">
      <Table withTableBorder verticalSpacing={4} fz="sm" captionSide="top">
        <Table.Caption style={{ textAlign: 'left', fontWeight: 600, color: 'inherit' }}>{table.title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((column, index) => (
              <Table.Th key={column} ta={index === 0 ? 'left' : 'right'}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={table.columns.length}>{table.emptyText}</Table.Td>
            </Table.Tr>
          ) : (
            table.rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Td>{row.label}</Table.Td>
                {row.cells.map((cell, index) => (
                  <Table.Td key={index} ta="right">
                    {cell.text}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
