import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useChannelMutation, type useChannel } from '../../api';
import { formatShortDate, t } from '../../i18n';

type CaseData = NonNullable<ReturnType<typeof useChannel<'cases.get'>>['data']>;
type Decision = CaseData['pupilLatest'];

const c = t.consent;

/** Consent per party: who decides at the pupil's age, each party's latest decision, recording one, the history, and the safety concern. */
export function ConsentCard({ data }: { data: CaseData }) {
  const safety = useChannelMutation('cases.setSafetyConcern');
  const [reason, setReason] = useState(data.safetyConcernReason ?? '');
  const { band, age } = data.gateDetail;
  const explained = c.explain({ gate: data.gate, ...data.gateDetail });
  return (
    <Card withBorder>
      <Title order={4}>{c.title}</Title>
      <Text size="sm" mt={4}>
        {c.ageLine(age, band)}
      </Text>
      <Alert mt="xs" color={data.gate === 'needs_consent' ? 'orange' : data.gate === 'safety_concern' ? 'red' : 'teal'} p="xs">
        <Text size="sm" fw={600}>
          {c.gate[data.gate]}
        </Text>
        {explained && <Text size="sm">{explained}</Text>}
      </Alert>
      <Parties data={data} />
      <RecordDecision data={data} />
      <DecisionHistory data={data} />
      <Textarea
        mt="md"
        label={t.casePage.safety}
        description={t.casePage.safetyHelp}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group justify="flex-end" mt="xs">
        <Button variant="light" color="red" onClick={() => safety.mutate({ caseId: data.id, reason: reason.trim() || null })}>
          {t.casePage.safetySave}
        </Button>
      </Group>
    </Card>
  );
}

function decisionText(decision: Decision): string {
  if (!decision) return c.none;
  return decision.coversDiscussion ? c.statuses[decision.status] : `${c.statuses[decision.status]} (${c.notCoversDiscussion})`;
}

function decisionColor(decision: Decision): string {
  if (!decision) return 'gray';
  return decision.status === 'given' && decision.coversDiscussion ? 'teal' : decision.status === 'given' ? 'yellow' : 'red';
}

/** The parents and carers, then the pupil, each with the latest decision; parents can be corrected or removed. */
function Parties({ data }: { data: CaseData }) {
  const remove = useChannelMutation('cases.removeParent');
  const [editing, setEditing] = useState<number | null>(null);
  const { band, age } = data.gateDetail;
  return (
    <Stack gap="xs" mt="md">
      <Title order={5}>{c.parentsTitle}</Title>
      <Text size="xs" c="dimmed">
        {c.parentsCount[band]}
      </Text>
      {data.parents.length === 0 && (
        <Text size="sm" c="dimmed">
          {c.noParents}
        </Text>
      )}
      <Stack gap={6} role="list" aria-label={c.parentsTitle}>
        {data.parents.map((parent) => {
          const label = c.parentName(parent);
          return editing === parent.id ? (
            <ParentForm key={parent.id} caseId={data.id} parent={parent} onDone={() => setEditing(null)} />
          ) : (
            <Group key={parent.id} gap="xs" justify="space-between" role="listitem" wrap="nowrap">
              <Stack gap={0}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {label}
                  </Text>
                  <Badge size="xs" variant={parent.hasAuthority ? 'filled' : 'outline'} color={parent.hasAuthority ? 'indigo' : 'gray'}>
                    {parent.hasAuthority ? c.authority : c.noAuthority}
                  </Badge>
                </Group>
                {!parent.name && !parent.relation && (
                  <Text size="xs" c="dimmed">
                    {c.theParentsHelp}
                  </Text>
                )}
                {!parent.hasAuthority && (
                  <Text size="xs" c="dimmed">
                    {c.noAuthorityHelp}
                  </Text>
                )}
              </Stack>
              <Group gap={4} wrap="nowrap">
                <Badge variant="light" color={decisionColor(parent.latest)}>
                  {decisionText(parent.latest)}
                </Badge>
                <Button size="compact-xs" variant="subtle" aria-label={c.editParent(label)} onClick={() => setEditing(parent.id)}>
                  {c.edit}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={c.removeParent(label)}
                  onClick={() => remove.mutate({ parentId: parent.id })}
                >
                  {c.remove}
                </Button>
              </Group>
            </Group>
          );
        })}
      </Stack>
      {remove.error && (
        <Alert color="orange" p="xs" role="alert">
          {remove.error.message}
        </Alert>
      )}
      {editing === null && <ParentForm caseId={data.id} onDone={() => undefined} />}
      <Title order={5} mt="xs">
        {c.pupil}
      </Title>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {c.pupilParty(age)}
          </Text>
          <Text size="xs" c="dimmed">
            {c.pupilCounts[band]}
          </Text>
        </Stack>
        <Badge variant="light" color={decisionColor(data.pupilLatest)}>
          {decisionText(data.pupilLatest)}
        </Badge>
      </Group>
    </Stack>
  );
}

/** Adds a parent or carer, or (with `parent`) corrects one. */
function ParentForm({ caseId, parent, onDone }: { caseId: number; parent?: CaseData['parents'][number]; onDone: () => void }) {
  const add = useChannelMutation('cases.addParent');
  const update = useChannelMutation('cases.updateParent');
  const [name, setName] = useState(parent?.name ?? '');
  const [relation, setRelation] = useState(parent?.relation ?? '');
  const [hasAuthority, setHasAuthority] = useState(parent?.hasAuthority ?? true);
  const [empty, setEmpty] = useState(false);
  const error = add.error?.message ?? update.error?.message;
  const save = () => {
    if (!name.trim() && !relation.trim()) return setEmpty(true);
    setEmpty(false);
    const done = () => {
      setName('');
      setRelation('');
      setHasAuthority(true);
      onDone();
    };
    if (parent) update.mutate({ parentId: parent.id, name, relation, hasAuthority }, { onSuccess: done });
    else add.mutate({ caseId, name, relation, hasAuthority }, { onSuccess: done });
  };
  return (
    <Stack gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}>
      <Group grow gap="xs" align="flex-start">
        <TextInput size="xs" label={c.nameLabel} value={name} onChange={(event) => setName(event.currentTarget.value)} />
        <TextInput
          size="xs"
          label={c.relation}
          placeholder={c.relationPlaceholder}
          value={relation}
          onChange={(event) => setRelation(event.currentTarget.value)}
          error={empty ? c.parentRequired : undefined}
        />
      </Group>
      <Checkbox
        size="xs"
        label={c.hasAuthority}
        checked={hasAuthority}
        onChange={(event) => setHasAuthority(event.currentTarget.checked)}
      />
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end" gap={4}>
        {parent && (
          <Button size="xs" variant="default" onClick={onDone}>
            {c.cancel}
          </Button>
        )}
        <Button size="xs" variant="light" onClick={save}>
          {parent ? c.saveParent : c.addParent}
        </Button>
      </Group>
    </Stack>
  );
}

/** Records one party's decision: who, what, how, what it covers, when. */
function RecordDecision({ data }: { data: CaseData }) {
  const record = useChannelMutation('cases.recordConsent');
  const [party, setParty] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [method, setMethod] = useState<string | null>(null);
  const [coversDiscussion, setCoversDiscussion] = useState(true);
  const [shareWith, setShareWith] = useState<string[]>([]);
  const [recordedOn, setRecordedOn] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fieldError = (path: string) => missing[path] ?? record.error?.error.fields?.find((field) => field.path === path)?.message;
  const parties = [
    ...data.parents.map((parent) => ({ value: `parent:${parent.id}`, label: c.parentName(parent) })),
    { value: 'pupil', label: c.pupilParty(data.gateDetail.age) },
  ];
  const submit = () => {
    const problems: Record<string, string> = {};
    if (!party) problems.party = c.partyRequired;
    if (!status) problems.status = c.statusRequired;
    if (!method) problems.method = t.forms.required;
    setMissing(problems);
    if (Object.keys(problems).length) return;
    const parentId = party!.startsWith('parent:') ? Number(party!.slice('parent:'.length)) : null;
    record.mutate(
      {
        caseId: data.id,
        party: parentId === null ? 'pupil' : 'parent',
        parentId,
        status: status as 'given',
        method: method as 'oral',
        coversDiscussion,
        shareWith,
        recordedOn,
        note,
      },
      {
        onSuccess: () => {
          setParty(null);
          setStatus(null);
          setNote('');
          setShareWith([]);
        },
      },
    );
  };
  return (
    <Stack gap="xs" mt="md">
      <Title order={5}>{c.record}</Title>
      <Select label={c.party} data={parties} value={party} onChange={setParty} error={fieldError('party') ?? fieldError('parentId')} />
      <Group grow gap="xs" align="flex-start">
        <Select
          label={c.status}
          data={(['given', 'refused', 'withdrawn'] as const).map((value) => ({ value, label: c.statuses[value] }))}
          value={status}
          onChange={setStatus}
          error={fieldError('status')}
        />
        <Select
          label={c.method}
          data={(['oral', 'written', 'digital'] as const).map((value) => ({ value, label: c.methods[value] }))}
          value={method}
          onChange={setMethod}
          error={fieldError('method')}
        />
      </Group>
      <Checkbox.Group
        label={c.scope}
        value={coversDiscussion ? ['discussion'] : []}
        onChange={(value) => setCoversDiscussion(value.includes('discussion'))}
      >
        <Checkbox mt={4} value="discussion" label={c.coversDiscussion} />
      </Checkbox.Group>
      <TagsInput
        label={c.shareWith}
        description={c.shareWithHelp}
        data={data.partnerOrganisations}
        value={shareWith}
        onChange={setShareWith}
        clearable
        error={fieldError('shareWith')}
      />
      <TextInput
        type="date"
        label={c.date}
        value={recordedOn}
        onChange={(event) => setRecordedOn(event.currentTarget.value)}
        error={fieldError('recordedOn')}
      />
      <Textarea label={c.note} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={1} />
      {record.error && !record.error.error.fields?.length && (
        <Alert color="orange" p="xs" role="alert">
          {record.error.message}
        </Alert>
      )}
      <Button variant="light" onClick={submit}>
        {c.record}
      </Button>
    </Stack>
  );
}

/** Every decision of every party, newest first: nothing is overwritten. */
function DecisionHistory({ data }: { data: CaseData }) {
  if (data.consents.length === 0) return null;
  return (
    <>
      <Title order={5} mt="md" mb={4}>
        {c.history}
      </Title>
      <Table.ScrollContainer minWidth={0} type="native" tabIndex={0} aria-label={c.history}>
        <Table aria-label={c.history} fz="xs" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{c.date}</Table.Th>
              <Table.Th>{c.who}</Table.Th>
              <Table.Th>{c.status}</Table.Th>
              <Table.Th>{c.scope}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...data.consents].reverse().map((consent) => (
              <Table.Tr key={consent.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatShortDate(consent.recordedOn)}</Table.Td>
                <Table.Td>{c.decider(consent, data.parents)}</Table.Td>
                <Table.Td>
                  {c.statuses[consent.status]}
                  <Text size="xs" c="dimmed">
                    {consent.method ? c.methods[consent.method] : c.methodUnknown}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {c.scopeText(consent)}
                  {consent.note && (
                    <Text size="xs" c="dimmed">
                      {consent.note}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
