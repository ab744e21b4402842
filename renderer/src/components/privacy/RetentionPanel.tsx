import { Alert, Button, Card, Checkbox, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { DEFAULT_RETENTION_YEARS, MAX_RETENTION_YEARS, type retentionPreview } from '../../../../core/contract/privacy';
import { auditCountsText } from '../../../../core/i18n/auditText';
import { useChannel, useChannelMutation } from '../../api';
import { formatShortDate, t } from '../../i18n';
import { QueryState } from '../QueryState';

type Preview = z.infer<typeof retentionPreview>;
const r = t.privacy.retention;

/** The school's retention period, and the purge of what has passed it: first a preview, then an explicit confirmation. */
export function RetentionPanel({ schoolId }: { schoolId: number }) {
  const settings = useChannel('retention.get', { schoolId });
  const [showPreview, setShowPreview] = useState(false);
  const preview = useChannel('retention.preview', { schoolId }, { enabled: showPreview });
  return (
    <Stack>
      <Text c="dimmed" maw={900}>
        {r.intro}
      </Text>
      <QueryState query={settings}>
        {(current) => <PeriodForm key={`${schoolId}-${current.yearsAfterClose}`} schoolId={schoolId} years={current.yearsAfterClose} />}
      </QueryState>
      <Group>
        <Button
          variant="light"
          leftSection={<IconEye size={18} />}
          onClick={() => (showPreview ? void preview.refetch() : setShowPreview(true))}
          loading={preview.isFetching}
        >
          {r.preview}
        </Button>
      </Group>
      {showPreview && <QueryState query={preview}>{(data) => <PurgePreview schoolId={schoolId} preview={data} />}</QueryState>}
    </Stack>
  );
}

function PeriodForm({ schoolId, years }: { schoolId: number; years: number }) {
  const [value, setValue] = useState<number | string>(years);
  // IT's machine policy can set another default than the app's (core/policy).
  const defaultYears = useChannel('app.info', undefined).data?.policy.retentionDefaultYears ?? DEFAULT_RETENTION_YEARS;
  const save = useChannelMutation('retention.set');
  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            { schoolId, yearsAfterClose: Number(value) },
            { onSuccess: () => notifications.show({ color: 'teal', message: r.saved }) },
          );
        }}
      >
        <Group align="flex-end">
          <NumberInput
            label={r.years}
            description={r.defaultHint(defaultYears)}
            value={value}
            onChange={setValue}
            min={1}
            max={MAX_RETENTION_YEARS}
            allowDecimal={false}
            w={320}
          />
          <Button type="submit" loading={save.isPending}>
            {r.save}
          </Button>
        </Group>
        {save.error && (
          <Text c="red.9" role="alert" mt="xs">
            {save.error.message}
          </Text>
        )}
      </form>
    </Card>
  );
}

function PurgePreview({ schoolId, preview }: { schoolId: number; preview: Preview }) {
  const [confirmed, setConfirmed] = useState(false);
  const purge = useChannelMutation('retention.purge');
  if (preview.cases.length === 0) return <Text c="dimmed">{r.nothing}</Text>;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>{r.cutoff(formatShortDate(preview.cutoff))}</Title>
        <Text>
          <Text span fw={600}>
            {r.total}:
          </Text>{' '}
          {auditCountsText(preview.counts)}
        </Text>
        <Title order={4}>{r.cases}</Title>
        <Table.ScrollContainer minWidth={0} type="native">
          <Table withTableBorder fz="sm" aria-label={r.cases}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{r.pupil}</Table.Th>
                <Table.Th>{r.group}</Table.Th>
                <Table.Th>{r.registeredOn}</Table.Th>
                <Table.Th>{r.closedOn}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.cases.map((row) => (
                <Table.Tr key={row.caseId}>
                  <Table.Td>{row.pupilName}</Table.Td>
                  <Table.Td>{row.groupName}</Table.Td>
                  <Table.Td>{formatShortDate(row.registeredOn)}</Table.Td>
                  <Table.Td>{formatShortDate(row.closedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {preview.pupils.length > 0 && (
          <>
            <Title order={4}>{r.pupils}</Title>
            <Table.ScrollContainer minWidth={0} type="native">
              <Table withTableBorder fz="sm" aria-label={r.pupils}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{r.pupil}</Table.Th>
                    <Table.Th>{r.group}</Table.Th>
                    <Table.Th>{r.lastClosedOn}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.pupils.map((pupil) => (
                    <Table.Tr key={pupil.pupilId}>
                      <Table.Td>{pupil.name}</Table.Td>
                      <Table.Td>{pupil.groupName}</Table.Td>
                      <Table.Td>{formatShortDate(pupil.lastClosedOn)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        {preview.meetings.length > 0 && <AffectedMeetings meetings={preview.meetings} />}
        <Checkbox label={r.confirm} checked={confirmed} onChange={(event) => setConfirmed(event.currentTarget.checked)} />
        {purge.error && (
          <Text c="red.9" role="alert">
            {purge.error.error.code === 'CONFLICT' ? r.outdated : purge.error.message}
          </Text>
        )}
        <Group>
          <Button
            color="red"
            leftSection={<IconTrash size={18} />}
            disabled={!confirmed}
            loading={purge.isPending}
            onClick={() =>
              purge.mutate(
                { schoolId, caseIds: preview.cases.map((row) => row.caseId), confirm: true },
                { onSuccess: ({ counts }) => notifications.show({ color: 'teal', message: r.purged(auditCountsText(counts)) }) },
              )
            }
          >
            {r.purge}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Meetings whose stored verslag goes too, with why; shared by the purge and the erasure of one pupil. */
export function AffectedMeetings({ meetings }: { meetings: Preview['meetings'] }) {
  return (
    <>
      <Title order={4}>{r.meetings}</Title>
      <Alert color="orange" variant="light">
        {r.verslagenExplain}
      </Alert>
      <Table.ScrollContainer minWidth={0} type="native">
        <Table withTableBorder fz="sm" aria-label={r.meetings}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{r.meetingDate}</Table.Th>
              <Table.Th>{r.versions}</Table.Th>
              <Table.Th>{r.keptCases}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meetings.map((meeting) => (
              <Table.Tr key={meeting.meetingId}>
                <Table.Td>{formatShortDate(meeting.date)}</Table.Td>
                <Table.Td>{meeting.verslagen}</Table.Td>
                <Table.Td>{meeting.keptCases}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
