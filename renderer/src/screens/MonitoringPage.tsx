import { Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv, IconFileTypeDocx, IconBuildingCommunity } from '@tabler/icons-react';
import { format, subYears } from 'date-fns';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { monitoringView } from '../../../core/contract/entities';
import { useChannel, useChannelMutation } from '../api';
import { QueryState } from '../components/QueryState';
import { ReportLegend, ReportMeta, ReportTableCard } from '../components/ReportTables';
import { t } from '../i18n';
import { useSchool } from '../school';

type View = z.infer<typeof monitoringView>;
const m = t.monitoring;

/** The anonymous monitoring report for the stuurgroep: charts with their numbers beside them, and its export. */
export function MonitoringPage() {
  const { schools, current } = useSchool();
  const today = new Date();
  const [form, setForm] = useState({
    from: format(subYears(today, 1), 'yyyy-MM-dd'),
    to: format(today, 'yyyy-MM-dd'),
    schoolIds: [current.id],
  });
  const [period, setPeriod] = useState(form);
  const view = useChannel('monitoring.report', period);
  const save = useChannelMutation('monitoring.export');
  const exportAs = (fileFormat: 'docx' | 'csv') =>
    save.mutate(
      { ...period, format: fileFormat },
      {
        onSuccess: ({ fileName }) => fileName && notifications.show({ color: 'teal', message: t.exports.saved(fileName) }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{m.screen.title}</Title>
        <Group gap="xs">
          <Button variant="light" leftSection={<IconFileTypeDocx size={18} />} onClick={() => exportAs('docx')} loading={save.isPending}>
            {m.screen.exportDocx}
          </Button>
          <Button variant="light" leftSection={<IconFileTypeCsv size={18} />} onClick={() => exportAs('csv')} loading={save.isPending}>
            {m.screen.exportCsv}
          </Button>
          <Button component={Link} to="/monitoring/regiobijdrage" leftSection={<IconBuildingCommunity size={18} />}>
            {t.regioSchool.screen.open}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed" maw={900}>
        {m.screen.intro}
      </Text>
      <Card withBorder>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setPeriod(form);
          }}
        >
          <Group align="flex-end">
            <TextInput
              type="date"
              label={m.screen.from}
              value={form.from}
              onChange={(event) => setForm({ ...form, from: event.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={m.screen.to}
              value={form.to}
              onChange={(event) => setForm({ ...form, to: event.currentTarget.value })}
            />
            {schools.length > 1 && (
              <Checkbox.Group
                label={m.screen.schools}
                value={form.schoolIds.map(String)}
                onChange={(values) => setForm({ ...form, schoolIds: values.map(Number) })}
              >
                <Group gap="sm" mt={4}>
                  {schools.map((school) => (
                    <Checkbox key={school.id} value={String(school.id)} label={school.name} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            <Button type="submit">{m.screen.show}</Button>
          </Group>
        </form>
      </Card>
      <QueryState query={view}>{(data) => <Report report={data.report} />}</QueryState>
    </Stack>
  );
}

function Report({ report }: { report: View['report'] }) {
  // The numbers show at once; the charts are drawn from them and follow.
  const charts = useChannel('monitoring.charts', { tables: report.tables }).data?.charts ?? [];
  return (
    <Stack>
      <ReportMeta meta={report.meta} />
      {report.tables.map((table, index) => (
        <ReportTableCard key={table.title} table={table} chart={charts.find((candidate) => candidate.table === index)} />
      ))}
      <ReportLegend legend={report.legend} />
    </Stack>
  );
}
