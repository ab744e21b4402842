import { Alert, Anchor, Button, Card, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Output } from '../../../core/contract/contract';
import { canSign } from '../../../core/signing/certificateStatus';
import { useChannel, useChannelMutation } from '../api';
import { QueryState } from '../components/QueryState';
import { ContributionTable } from '../components/regio/ContributionTable';
import { RecipientFacts } from '../components/regio/RecipientFacts';
import { formatShortDate, t } from '../i18n';
import { useSchool } from '../school';

const s = t.regioSchool.screen;

type Periods = Output<'regio.periods'>;
interface Request {
  schoolId: number;
  from: string;
  to: string;
}

/** Monitoring → Regiobijdrage maken: school and period, what the file will hold and for whom, then the save dialog. */
export function RegioContributionPage() {
  const { current } = useSchool();
  const periods = useChannel('regio.periods', undefined);
  return (
    <Stack>
      <Anchor component={Link} to="/monitoring" size="sm" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {s.back}
        </Group>
      </Anchor>
      <Title order={2}>{s.title}</Title>
      <Text c="dimmed" maw={900}>
        {s.intro}
      </Text>
      {/* Another school chosen in the header starts afresh. */}
      <QueryState query={periods}>{(quick) => <Contribution key={current.id} quick={quick} />}</QueryState>
    </Stack>
  );
}

function Contribution({ quick }: { quick: Periods }) {
  const { schools, current } = useSchool();
  // The last whole quarter: what a region asks for most often.
  const [form, setForm] = useState<Request>({ schoolId: current.id, ...quick.lastQuarter });
  const [request, setRequest] = useState(form);
  const preview = useChannel('regio.preview', request);
  const fieldError = (path: string) => preview.error?.error.fields?.find((field) => field.path === path)?.message;
  // A school or a quick choice shows its preview at once; typed dates wait for "Tonen".
  const apply = (next: Request) => {
    setForm(next);
    setRequest(next);
  };
  return (
    <>
      <Card withBorder component="section" aria-labelledby="regio-choice">
        <Title order={3} id="regio-choice" mb="sm">
          {s.choice}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setRequest(form);
          }}
        >
          <Group align="flex-end">
            {schools.length > 1 && (
              <Select
                label={s.school}
                data={schools.map((school) => ({ value: String(school.id), label: school.name }))}
                value={String(form.schoolId)}
                onChange={(value) => value && apply({ ...form, schoolId: Number(value) })}
                allowDeselect={false}
                style={{ flex: '1 1 16rem' }}
              />
            )}
            <TextInput
              type="date"
              label={s.from}
              value={form.from}
              onChange={(event) => setForm({ ...form, from: event.currentTarget.value })}
              error={fieldError('from')}
            />
            <TextInput
              type="date"
              label={s.to}
              value={form.to}
              onChange={(event) => setForm({ ...form, to: event.currentTarget.value })}
              error={fieldError('to')}
            />
            <Button type="submit">{s.show}</Button>
          </Group>
        </form>
        <Group gap="xs" mt="sm" role="group" aria-labelledby="regio-quick">
          <Text size="sm" id="regio-quick">
            {s.quick}:
          </Text>
          <Button variant="light" size="compact-sm" onClick={() => apply({ ...form, ...quick.lastQuarter })}>
            {s.lastQuarter}
          </Button>
          <Button variant="light" size="compact-sm" onClick={() => apply({ ...form, ...quick.lastSchoolYear })}>
            {s.lastSchoolYear}
          </Button>
        </Group>
      </Card>
      <QueryState query={preview}>{(data) => <Preview preview={data} request={request} />}</QueryState>
    </>
  );
}

function Preview({ preview, request }: { preview: Output<'regio.preview'>; request: Request }) {
  const save = useChannelMutation('regio.export');
  const { recipient } = preview;
  const usable = recipient !== null && canSign(recipient.status);
  return (
    <>
      <Card withBorder component="section" aria-labelledby="regio-for-whom">
        <Title order={3} id="regio-for-whom" mb="sm">
          {s.forWhom}
        </Title>
        {recipient && <RecipientFacts recipient={recipient} />}
        {!usable && (
          <Alert color="orange" mt={recipient ? 'sm' : 0}>
            <Text size="sm">{recipient ? s.notValidNow : s.noRecipient}</Text>
            <Anchor component={Link} to="/school" size="sm" fw={600}>
              {s.toSettings}
            </Anchor>
          </Alert>
        )}
      </Card>
      <Card withBorder component="section" aria-labelledby="regio-which">
        <Title order={3} id="regio-which" mb="sm">
          {s.which}
        </Title>
        <Text fw={600} data-testid="regio-period">
          {s.periodText(formatShortDate(preview.period.from), formatShortDate(preview.period.to))}
        </Text>
        <Text size="sm">{s.schoolText(preview.schoolName)}</Text>
      </Card>
      <Card withBorder component="section" aria-labelledby="regio-holds">
        <Title order={3} id="regio-holds" mb="xs">
          {s.holds}
        </Title>
        <Text size="sm" mb="sm" maw={900}>
          {s.holdsIntro}
        </Text>
        <Stack gap="lg">
          {preview.tables.map((table) => (
            <ContributionTable key={table.title} table={table} />
          ))}
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="regio-never">
        <Title order={3} id="regio-never" mb="xs">
          {s.never}
        </Title>
        <List size="sm">
          {s.neverList.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </Card>
      {usable && (
        <Group justify="flex-end">
          <Button
            leftSection={<IconDeviceFloppy size={18} />}
            loading={save.isPending}
            onClick={() =>
              save.mutate(request, {
                onSuccess: ({ fileName }) => fileName && notifications.show({ color: 'teal', message: t.exports.saved(fileName) }),
                onError: (error) => notifications.show({ color: 'red', message: error.message }),
              })
            }
          >
            {s.save}
          </Button>
        </Group>
      )}
    </>
  );
}
