import { Card, Group, Image, SimpleGrid, Table, Text, Title, type TitleOrder } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { z } from 'zod';
import type { monitoringCharts, reportTable } from '../../../core/contract/entities';
import { t } from '../i18n';

// The report tables and charts of the school's Monitoring and the region's Regiorapportage:
// one way to show a suppressed table, so both screens read the same.

export type ReportTable = z.infer<typeof reportTable>;
export type ReportChart = z.infer<typeof monitoringCharts>['charts'][number];

// The caption names the table for a screen reader; sighted users have the heading above it.
const hiddenCaption: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

/** One report table with its numbers right-aligned, or its empty text. */
export function ReportTableView({ table, caption }: { table: ReportTable; caption: string }) {
  if (table.rows.length === 0) return <Text c="dimmed">{table.emptyText}</Text>;
  return (
    // Focusable, so a keyboard can scroll a wide table (the learning cycle has a column per period).
    <Table.ScrollContainer minWidth={0} type="native" tabIndex={0} aria-label={caption}>
      <Table withTableBorder verticalSpacing={4} fz="sm">
        <caption style={hiddenCaption}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((column, columnIndex) => (
              <Table.Th key={column} ta={columnIndex === 0 ? 'left' : 'right'}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.label} fw={row.summary ? 600 : undefined}>
              <Table.Td>{row.label}</Table.Td>
              {row.cells.map((cell, cellIndex) => (
                <Table.Td key={cellIndex} ta="right">
                  {cell.text}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A chart drawn in main (SVG), with its description as the text alternative. */
export function ReportChartImage({ chart, alt }: { chart: ReportChart; alt: string }) {
  return <Image src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`} alt={alt} fit="contain" maw={640} />;
}

/** A table under its heading, with its chart beside it on a wide window. */
export function ReportTableCard({
  table,
  chart,
  chartAlt = (description) => t.monitoring.screen.chartAlt(description),
  order = 3,
  caption = table.title,
}: {
  table: ReportTable;
  chart?: ReportChart;
  chartAlt?: (description: string) => string;
  order?: TitleOrder;
  caption?: string;
}) {
  return (
    <Card withBorder>
      <Title order={order} mb="sm">
        {table.title}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: chart ? 2 : 1 }} spacing="lg">
        {chart && <ReportChartImage chart={chart} alt={chartAlt(chart.description)} />}
        <ReportTableView table={table} caption={caption} />
      </SimpleGrid>
    </Card>
  );
}

/** The report's meta lines (period, schools, …) in one row. */
export function ReportMeta({ meta }: { meta: { label: string; value: string }[] }) {
  return (
    <Group gap="lg">
      {meta.map((entry) => (
        <Text key={entry.label} size="sm">
          <Text span fw={600}>
            {entry.label}:
          </Text>{' '}
          {entry.value}
        </Text>
      ))}
    </Group>
  );
}

/** What "<5", "x" and "–" mean. */
export function ReportLegend({ legend, order = 3 }: { legend: string[]; order?: TitleOrder }) {
  return (
    <Card withBorder>
      <Title order={order} mb="xs">
        {t.monitoring.legend.title}
      </Title>
      {legend.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Card>
  );
}
