import { Accordion, Alert, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv, IconFileTypeDocx, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import type { regionReportView } from '../../../../core/contract/regionReport';
import { useChannel, useChannelMutation } from '../../api';
import { QueryState } from '../../components/QueryState';
import { ReportLegend, ReportMeta, ReportTableCard } from '../../components/ReportTables';
import { formatShortDate, t } from '../../i18n';
import { periodLabel } from './periodLabel';

type View = z.infer<typeof regionReportView>;
type ReportNode = View['nodes'][number];
const r = t.regioReport;
const s = r.screen;

const key = (period: { from: string; to: string }) => `${period.from}/${period.to}`;
const periodText = (period: { from: string; to: string }) =>
  s.periodDates(periodLabel(period), t.regio.screens.period.range(formatShortDate(period.from), formatShortDate(period.to)));

/** The Regiorapportage (route #/regio/rapportage): one delivered period of the region, its parts and the learning cycle. */
export function RegionReportPage() {
  const periods = useChannel('region.periods', undefined);
  const schools = useChannel('region.schools.list', undefined);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={2}>{t.regio.screens.report.title}</Title>
      <Text c="dimmed" maw={900}>
        {s.intro}
      </Text>
      <QueryState query={periods}>
        {(list) => {
          if (list.length === 0)
            return (
              <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} maw={900}>
                {s.empty}
              </Alert>
            );
          // Newest first, as region.periods gives them: the newest is what a stuurgroep asks for.
          const period = list.find((candidate) => key(candidate) === chosen) ?? list[0];
          const total = schools.data?.length ?? period.schools;
          return (
            <>
              <Card withBorder>
                <NativeSelect
                  label={s.period}
                  maw={760}
                  value={key(period)}
                  onChange={(event) => setChosen(event.currentTarget.value)}
                  data={list.map((candidate) => ({
                    value: key(candidate),
                    label: s.periodOption(periodText(candidate), candidate.schools, Math.max(total, candidate.schools)),
                  }))}
                />
              </Card>
              <PeriodReport key={key(period)} period={{ from: period.from, to: period.to }} />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function PeriodReport({ period }: { period: { from: string; to: string } }) {
  const view = useChannel('region.report', period);
  const save = useChannelMutation('region.report.export');
  const exportAs = (format: 'docx' | 'csv') =>
    save.mutate(
      { ...period, format },
      {
        onSuccess: ({ fileName }) => fileName && notifications.show({ color: 'teal', message: t.exports.saved(fileName) }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  return (
    <QueryState query={view}>
      {(data) =>
        data === null ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} maw={900}>
            {s.empty}
          </Alert>
        ) : (
          <Stack>
            <Group justify="space-between">
              <Text fw={600}>{s.delivered(data.delivered, data.schools)}</Text>
              <Group gap="xs">
                <Button
                  variant="light"
                  leftSection={<IconFileTypeDocx size={18} />}
                  onClick={() => exportAs('docx')}
                  loading={save.isPending}
                >
                  {s.exportDocx}
                </Button>
                <Button
                  variant="light"
                  leftSection={<IconFileTypeCsv size={18} />}
                  onClick={() => exportAs('csv')}
                  loading={save.isPending}
                >
                  {s.exportCsv}
                </Button>
              </Group>
            </Group>
            <Report view={data} />
          </Stack>
        )
      }
    </QueryState>
  );
}

function Report({ view }: { view: View }) {
  const region = view.nodes.find((node) => node.level === 'region');
  const areas = view.nodes.filter((node) => node.level === 'area');
  const schools = view.nodes.filter((node) => node.level === 'school');
  // The numbers show at once; the charts are drawn from them and follow.
  const charts = useChannel('monitoring.charts', { tables: region?.report.tables ?? [] }).data?.charts ?? [];
  return (
    <Stack>
      {region && (
        <Stack component="section" aria-labelledby="regio-geheel">
          <Title order={3} id="regio-geheel">
            {r.regionHeading}
          </Title>
          <ReportMeta meta={region.report.meta} />
          {/* All hidden or not, the region's tables stay (its meta carries the note): they show what the stuurgroep reads. */}
          {region.report.tables.map((table, index) => (
            <ReportTableCard
              key={table.title}
              table={table}
              order={4}
              chart={charts.find((candidate) => candidate.table === index)}
              caption={s.tableOf(region.label, table.title)}
            />
          ))}
        </Stack>
      )}
      <Parts id="regio-gebieden" title={r.areasHeading} nodes={areas} empty={s.noAreas} />
      {schools.length > 0 && <Parts id="regio-scholen" title={r.schoolsHeading} nodes={schools} />}
      <Cycle cycle={view.cycle} />
      <ReportLegend legend={view.legend} />
    </Stack>
  );
}

/** Per gebied or per school: one collapsible part per node, tables only. */
function Parts({ id, title, nodes, empty }: { id: string; title: string; nodes: ReportNode[]; empty?: string }) {
  return (
    <Stack component="section" aria-labelledby={id}>
      <Title order={3} id={id}>
        {title}
      </Title>
      {nodes.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {s.partsIntro}
          </Text>
          <Accordion multiple variant="separated" order={4}>
            {/* The value becomes part of element ids, so no names (spaces) in it. */}
            {nodes.map((node, index) => (
              <Accordion.Item key={node.path.join('/')} value={`${id}-${index}`}>
                <Accordion.Control>
                  {node.label}
                  {node.level === 'school' && node.path.length > 2 && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      · {node.path[node.path.length - 2]}
                    </Text>
                  )}
                </Accordion.Control>
                <Accordion.Panel>
                  {node.entirelyHidden ? (
                    <Text>{r.entirelyHidden}</Text>
                  ) : (
                    <Stack>
                      <ReportMeta meta={node.report.meta} />
                      {node.report.tables.map((table) => (
                        <ReportTableCard key={table.title} table={table} order={5} caption={s.tableOf(node.label, table.title)} />
                      ))}
                    </Stack>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </>
      )}
    </Stack>
  );
}

/** The learning cycle: every measure over the periods, with its line chart. */
function Cycle({ cycle }: { cycle: View['cycle'] }) {
  const charts = useChannel('region.report.cycleCharts', { tables: cycle?.tables ?? [] }).data?.charts ?? [];
  return (
    <Stack component="section" aria-labelledby="regio-leercyclus">
      <Title order={3} id="regio-leercyclus">
        {r.cycleHeading}
      </Title>
      {cycle === null ? (
        <Text c="dimmed">{s.noCycle}</Text>
      ) : (
        <>
          <Text maw={900}>{r.cycleIntro}</Text>
          {cycle.tables.map((table, index) => (
            <ReportTableCard
              key={table.title}
              table={table}
              order={4}
              chart={charts.find((candidate) => candidate.table === index)}
              chartAlt={s.cycleChartAlt}
              caption={s.tableOf(r.cycleHeading, table.title)}
            />
          ))}
        </>
      )}
    </Stack>
  );
}
