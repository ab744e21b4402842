import {
  Alert,
  Badge,
  Button,
  Card,
  Chip,
  Grid,
  Group,
  NavLink,
  Select,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconArrowRight, IconDeviceTv, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { call, useChannel, useChannelMutation } from '../api';
import { AutosaveTextarea } from '../components/AutosaveTextarea';
import { QueryState } from '../components/QueryState';
import { formatLongDate, formatShortDate, ownerLabel, t } from '../i18n';
import { useSchool } from '../school';

type ChairItemData = NonNullable<ReturnType<typeof useChannel<'chair.item'>>['data']>;

/** Chair mode: one screen per agenda item, keyboard driven, with a projector view. */
export function ChairPage() {
  const params = useParams();
  const meetingId = Number(params.meetingId);
  const navigate = useNavigate();
  const meeting = useChannel('meetings.get', { meetingId });
  const start = useChannelMutation('meetings.start');
  const [projector, setProjector] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (!started.current && meeting.data?.status === 'planned') {
      started.current = true;
      start.mutate({ meetingId });
    }
  }, [meeting.data?.status, meetingId, start]);

  const agenda = meeting.data?.agenda ?? [];
  const currentId = params.itemId ? Number(params.itemId) : agenda[0]?.id;
  const index = agenda.findIndex((item) => item.id === currentId);
  const go = (delta: number) => {
    const target = agenda[index + delta];
    if (target) void navigate(`/overleggen/${meetingId}/voorzitten/${target.id}`);
  };
  useHotkeys(
    [
      ['alt+ArrowRight', () => go(1)],
      ['alt+ArrowLeft', () => go(-1)],
      ['alt+N', () => document.getElementById('new-agreement')?.focus()],
      ['Escape', () => setProjector(false)],
    ],
    [],
  );

  return (
    <QueryState query={meeting}>
      {(data) =>
        agenda.length === 0 || currentId === undefined ? (
          <Text>{t.chair.emptyAgenda}</Text>
        ) : projector ? (
          <ProjectorView agendaItemId={currentId} onLeave={() => setProjector(false)} />
        ) : (
          <Grid>
            <Grid.Col span={3}>
              <Card withBorder p="xs">
                <Text fw={700} px="xs" mb={4}>
                  {t.chair.agenda} · {formatShortDate(data.date)}
                </Text>
                <nav aria-label={t.chair.agenda}>
                  {agenda.map((item, position) => (
                    <NavLink
                      key={item.id}
                      label={`${position + 1}. ${item.title}`}
                      active={item.id === currentId}
                      onClick={() => void navigate(`/overleggen/${meetingId}/voorzitten/${item.id}`)}
                      aria-current={item.id === currentId ? 'step' : undefined}
                    />
                  ))}
                </nav>
                <Button fullWidth mt="sm" variant="light" onClick={() => void navigate(`/overleggen/${meetingId}/afsluiten`)}>
                  {t.chair.closeMeeting}
                </Button>
              </Card>
              <Text size="xs" c="dimmed" mt="xs">
                {t.chair.shortcuts}
              </Text>
            </Grid.Col>
            <Grid.Col span={9}>
              <Stack>
                <Group justify="space-between">
                  <Group gap="xs">
                    <Button variant="default" leftSection={<IconArrowLeft size={16} />} disabled={index <= 0} onClick={() => go(-1)}>
                      {t.chair.previous}
                    </Button>
                    <Button
                      variant="default"
                      rightSection={<IconArrowRight size={16} />}
                      disabled={index >= agenda.length - 1}
                      onClick={() => go(1)}
                    >
                      {t.chair.next}
                    </Button>
                  </Group>
                  <Button variant="light" leftSection={<IconDeviceTv size={16} />} onClick={() => setProjector(true)}>
                    {t.chair.projector}
                  </Button>
                </Group>
                <ChairItem key={currentId} agendaItemId={currentId} />
              </Stack>
            </Grid.Col>
          </Grid>
        )
      }
    </QueryState>
  );
}

function ChairItem({ agendaItemId }: { agendaItemId: number }) {
  const item = useChannel('chair.item', { agendaItemId }, { staleTime: 0 });
  return (
    <QueryState query={item}>
      {(data) => (
        <Stack>
          <Card withBorder>
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Title order={2}>{data.title}</Title>
                {data.case && (
                  <Group gap="xs">
                    {data.case.themes.map((theme) => (
                      <Badge key={theme} variant="outline" size="sm">
                        {theme}
                      </Badge>
                    ))}
                    {data.case.effectDueOn && data.case.effectPending && (
                      <Badge color="orange" variant="light">
                        {t.chair.effectDue(formatLongDate(data.case.effectDueOn))}
                      </Badge>
                    )}
                  </Group>
                )}
              </Stack>
              <Timer agendaItemId={agendaItemId} plannedMinutes={data.plannedMinutes} spentSeconds={data.spentSeconds} />
            </Group>
            {data.anonymous && (
              <Alert color="gray" mt="sm">
                {t.chair.anonymous}
              </Alert>
            )}
            {data.case?.gate === 'safety_concern' && (
              <Alert color="red" mt="sm" title={t.chair.safetyConcern}>
                {data.case.safetyConcernReason}
              </Alert>
            )}
            {data.case && (
              <Text mt="sm">
                <Text span fw={600}>
                  {t.chair.question}:{' '}
                </Text>
                {data.case.question}
              </Text>
            )}
          </Card>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack>
                <AutosaveTextarea agendaItemId={agendaItemId} field="notes" label={t.chair.notes} initial={data.notes} minRows={6} />
                {data.case && (
                  <AutosaveTextarea
                    agendaItemId={agendaItemId}
                    field="conclusions"
                    label={t.chair.conclusions}
                    initial={data.conclusions}
                    minRows={3}
                  />
                )}
                <Agreements item={data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              {data.case && (
                <Stack>
                  <Lead item={data} />
                  <Effect item={data} />
                  <Tags item={data} />
                </Stack>
              )}
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}

function Timer({ agendaItemId, plannedMinutes, spentSeconds }: { agendaItemId: number; plannedMinutes: number; spentSeconds: number }) {
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(spentSeconds);
  const unsaved = useRef(0);
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => {
      setElapsed((value) => value + 1);
      unsaved.current += 1;
      if (unsaved.current >= 15) {
        void call('chair.addTime', { agendaItemId, seconds: unsaved.current });
        unsaved.current = 0;
      }
    }, 1000);
    return () => clearInterval(tick);
  }, [running, agendaItemId]);
  useEffect(
    () => () => {
      if (unsaved.current > 0) void call('chair.addTime', { agendaItemId, seconds: unsaved.current });
    },
    [agendaItemId],
  );
  const over = elapsed > plannedMinutes * 60;
  const clock = `${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, '0')}`;
  return (
    <Group gap="xs" aria-label={t.chair.timer}>
      <Text fz="xl" fw={700} c={over ? 'red.9' : undefined} ff="monospace">
        {clock} / {plannedMinutes}:00
      </Text>
      <Button
        size="xs"
        variant="light"
        onClick={() => setRunning(!running)}
        leftSection={running ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />}
      >
        {running ? t.chair.pauseTimer : t.chair.startTimer}
      </Button>
    </Group>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Agreements({ item }: { item: ChairItemData }) {
  const { current } = useSchool();
  const members = useChannel('members.list', { schoolId: current.id });
  const add = useChannelMutation('agreements.add');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [staffName, setStaffName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const owners = [
    ...(members.data ?? [])
      .filter((member) => member.active)
      .map((member) => ({ value: `member:${member.id}`, label: `${member.name} (${member.roleName})` })),
    { value: 'parents', label: t.owners.parents },
    { value: 'pupil', label: t.owners.pupil },
    { value: 'staff', label: t.owners.staff },
  ];
  const fieldError = (path: string) => add.error?.error.fields?.find((field) => field.path === path)?.message;
  return (
    <Section title={t.chair.agreements}>
      {item.carriedOver.length > 0 && (
        <>
          <Text fw={600} size="sm" mb={4}>
            {t.chair.carriedOver}
          </Text>
          <AgreementTable rows={item.carriedOver} actions />
        </>
      )}
      {item.agreements.length > 0 && (
        <>
          <Text fw={600} size="sm" mt="sm" mb={4}>
            {t.chair.newAgreements}
          </Text>
          <AgreementTable rows={item.agreements} actions={false} />
        </>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const [kind, memberId] = (owner ?? '').split(':');
          add.mutate(
            {
              agendaItemId: item.id,
              description,
              ownerKind: (kind || 'member') as 'member' | 'parents' | 'pupil' | 'staff',
              ownerMemberId: memberId ? Number(memberId) : undefined,
              ownerName: kind === 'staff' ? staffName : undefined,
              dueOn,
            },
            {
              onSuccess: () => {
                setDescription('');
                setDueOn('');
                document.getElementById('new-agreement')?.focus();
              },
            },
          );
        }}
        noValidate
      >
        <Stack gap="xs" mt="md">
          <TextInput
            id="new-agreement"
            label={t.chair.what}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={fieldError('description')}
          />
          <Group grow align="flex-start">
            <Select label={t.chair.who} data={owners} value={owner} onChange={setOwner} searchable error={fieldError('ownerMemberId')} />
            {owner === 'staff' && (
              <TextInput label={t.chair.staffName} value={staffName} onChange={(event) => setStaffName(event.currentTarget.value)} />
            )}
            <TextInput
              type="date"
              label={t.chair.when}
              value={dueOn}
              onChange={(event) => setDueOn(event.currentTarget.value)}
              error={fieldError('dueOn')}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t.chair.addAgreement}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function AgreementTable({ rows, actions }: { rows: ChairItemData['agreements']; actions: boolean }) {
  const setStatus = useChannelMutation('agreements.setStatus');
  const postpone = useChannelMutation('agreements.postpone');
  const [postponing, setPostponing] = useState<number | null>(null);
  const [newDue, setNewDue] = useState('');
  return (
    <Table verticalSpacing={6} aria-label={actions ? t.chair.carriedOver : t.chair.newAgreements}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t.chair.what}</Table.Th>
          <Table.Th>{t.chair.who}</Table.Th>
          <Table.Th>{t.chair.when}</Table.Th>
          <Table.Th>{t.cases.status}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Td>{row.description}</Table.Td>
            <Table.Td>{ownerLabel(row)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatShortDate(row.dueOn)}
              {row.postponements > 0 && (
                <Text size="xs" c="orange.9">
                  {t.chair.postponed(row.postponements)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {setStatus.error && setStatus.variables?.agreementId === row.id && (
                <Text c="red.9" size="xs" role="alert">
                  {setStatus.error.message}
                </Text>
              )}
              {actions && row.status === 'open' ? (
                postponing === row.id ? (
                  <Group gap={4} wrap="nowrap">
                    <TextInput
                      size="xs"
                      type="date"
                      aria-label={t.chair.newDue}
                      value={newDue}
                      onChange={(event) => setNewDue(event.currentTarget.value)}
                      error={postpone.error?.message}
                    />
                    <Button
                      size="compact-xs"
                      onClick={() => postpone.mutate({ agreementId: row.id, dueOn: newDue }, { onSuccess: () => setPostponing(null) })}
                    >
                      {t.chair.postpone}
                    </Button>
                  </Group>
                ) : (
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      color="teal.9"
                      onClick={() => setStatus.mutate({ agreementId: row.id, status: 'done' })}
                      aria-label={`${t.chair.done}: ${row.description}`}
                    >
                      {t.chair.done}
                    </Button>
                    <Button
                      size="compact-xs"
                      color="red"
                      variant="light"
                      onClick={() => setStatus.mutate({ agreementId: row.id, status: 'not_done' })}
                      aria-label={`${t.chair.notDone}: ${row.description}`}
                    >
                      {t.chair.notDone}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => setPostponing(row.id)}
                      aria-label={`${t.chair.postpone}: ${row.description}`}
                    >
                      {t.chair.postpone}
                    </Button>
                  </Group>
                )
              ) : (
                <Group gap={4} wrap="nowrap">
                  <Badge variant="light" color={row.status === 'done' ? 'teal' : row.status === 'not_done' ? 'red' : 'indigo'}>
                    {t.chair.statuses[row.status]}
                  </Badge>
                  {actions && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setStatus.mutate({ agreementId: row.id, status: 'open' })}>
                      {t.chair.reopen}
                    </Button>
                  )}
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Lead({ item }: { item: ChairItemData }) {
  const { current } = useSchool();
  const members = useChannel('members.list', { schoolId: current.id });
  const setLead = useChannelMutation('cases.setLead');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const info = item.case!;
  return (
    <Section title={t.chair.lead}>
      <Text fw={600} mb="xs" data-testid="current-lead">
        {info.leadName ?? t.chair.noLead}
      </Text>
      <Stack gap="xs">
        <Select
          label={info.leadName ? t.chair.changeLead : t.chair.setLead}
          data={(members.data ?? [])
            .filter((member) => member.active && member.id !== info.leadMemberId)
            .map((member) => ({ value: String(member.id), label: `${member.name} (${member.roleName})` }))}
          value={memberId}
          onChange={setMemberId}
          searchable
        />
        {info.leadName && (
          <Textarea
            label={t.chair.leadReason}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={2}
          />
        )}
        {setLead.error && (
          <Text c="red.9" size="sm" role="alert">
            {setLead.error.message}
          </Text>
        )}
        <Button
          disabled={!memberId}
          onClick={() =>
            setLead.mutate(
              { caseId: info.id, memberId: Number(memberId), reason, onDate: item.meetingDate },
              {
                onSuccess: () => {
                  setMemberId(null);
                  setReason('');
                },
              },
            )
          }
        >
          {info.leadName ? t.chair.changeLead : t.chair.setLead}
        </Button>
      </Stack>
    </Section>
  );
}

function Effect({ item }: { item: ChairItemData }) {
  const record = useChannelMutation('chair.recordEffect');
  const [result, setResult] = useState<string>(item.effectCheck?.result ?? '');
  const [note, setNote] = useState(item.effectCheck?.note ?? '');
  return (
    <Section title={t.chair.effect}>
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t.chair.effect}
          value={result}
          onChange={setResult}
          data={(['yes', 'partly', 'no'] as const).map((value) => ({ value, label: t.chair.effectResults[value] }))}
        />
        <TextInput label={t.chair.effectNote} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        {record.error && (
          <Text c="red.9" size="sm" role="alert">
            {record.error.message}
          </Text>
        )}
        <Group justify="space-between">
          {record.isSuccess ? (
            <Text size="sm" c="teal.9">
              {t.chair.effectSaved}
            </Text>
          ) : (
            <span />
          )}
          <Button
            variant="light"
            disabled={!result}
            onClick={() => record.mutate({ agendaItemId: item.id, result: result as 'yes' | 'partly' | 'no', note })}
          >
            {t.chair.effectSave}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

function Tags({ item }: { item: ChairItemData }) {
  const { current } = useSchool();
  const tags = useChannel('tags.list', { schoolId: current.id });
  const save = useChannelMutation('chair.setTags');
  const [selected, setSelected] = useState(item.tagIds.map(String));
  const group = (kind: 'success_factor' | 'obstacle', label: string) => (
    <>
      <Text size="sm" fw={600} mt="xs">
        {label}
      </Text>
      <Group gap={6} mt={4}>
        {(tags.data ?? [])
          .filter((tag) => tag.kind === kind)
          .map((tag) => (
            <Chip key={tag.id} value={String(tag.id)} size="xs" color={kind === 'obstacle' ? 'red' : 'teal'}>
              {tag.name}
            </Chip>
          ))}
      </Group>
    </>
  );
  return (
    <Section title={t.chair.tags}>
      <Chip.Group
        multiple
        value={selected}
        onChange={(values) => {
          setSelected(values);
          save.mutate({ agendaItemId: item.id, tagIds: values.map(Number) });
        }}
      >
        {group('success_factor', t.chair.successFactors)}
        {group('obstacle', t.chair.obstacles)}
      </Chip.Group>
    </Section>
  );
}

/** What the projector shows: the current item only, never the list of other pupils. */
function ProjectorView({ agendaItemId, onLeave }: { agendaItemId: number; onLeave: () => void }) {
  const item = useChannel('chair.item', { agendaItemId }, { staleTime: 0 });
  return (
    <QueryState query={item}>
      {(data) => (
        <Stack p="xl" gap="xl" data-testid="projector">
          <Group justify="space-between">
            <Title order={1} fz={44}>
              {data.title}
            </Title>
            <Button variant="subtle" onClick={onLeave}>
              {t.chair.leaveProjector}
            </Button>
          </Group>
          {data.case && (
            <Text fz={26}>
              <Text span fw={700}>
                {t.chair.question}:{' '}
              </Text>
              {data.case.question}
            </Text>
          )}
          {data.case?.leadName && (
            <Text fz={24}>
              {t.chair.lead}: {data.case.leadName}
            </Text>
          )}
          {[...data.carriedOver, ...data.agreements].length > 0 && (
            <Stack gap="xs">
              <Title order={2}>{t.chair.agreements}</Title>
              {[...data.carriedOver, ...data.agreements].map((row) => (
                <Text key={row.id} fz={22}>
                  • {row.description} — {ownerLabel(row)}, {formatShortDate(row.dueOn)} ({t.chair.statuses[row.status]})
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
