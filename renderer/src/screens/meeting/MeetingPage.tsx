import { Badge, Button, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useChannel, useChannelMutation } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { ActionLists } from '../../components/ActionLists';
import { InvitationActions, InvitationHint } from '../../components/InvitationActions';
import { MinutesPanel } from '../../components/MinutesPanel';
import { MeetingForm } from '../../components/MeetingForm';
import { ParentCopies } from '../../components/ParentCopies';
import { QueryState } from '../../components/QueryState';
import { formatLongDate, t } from '../../i18n';
import { Agenda } from './Agenda';
import { Presence } from './Presence';
import { Suggestions } from './Suggestions';

/** Preparing one meeting: agenda with suggestions and order, presence, then chair or close it. */
export function MeetingPage() {
  const meetingId = Number(useParams().meetingId);
  const meeting = useChannel('meetings.get', { meetingId });
  const update = useChannelMutation('meetings.update');
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  return (
    <QueryState query={meeting}>
      {(data) => {
        const closed = data.status === 'held' || data.status === 'finalized' || data.status === 'cancelled';
        return (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Title order={2}>MDO {formatLongDate(data.date)}</Title>
                <Text c="dimmed">
                  {data.startTime} · {data.location || '—'} · {t.meetings.chairRole}: {data.chairName ?? '—'} · {t.meetings.minuteTaker}:{' '}
                  {data.minuteTakerName ?? '—'}
                </Text>
              </Stack>
              <Group>
                <Badge size="lg" variant="light">
                  {t.meetings.statuses[data.status]}
                </Badge>
                {!closed && (
                  <Button leftSection={<IconPlayerPlay size={18} />} onClick={() => void navigate(`/overleggen/${meetingId}/voorzitten`)}>
                    {data.status === 'in_progress' ? t.meetings.continueChair : t.meetings.startChair}
                  </Button>
                )}
                {data.status === 'held' && (
                  // Held but not (or no longer, after a correction) finalized: notes, conclusions and agreements can still be put right.
                  <Button
                    variant="default"
                    leftSection={<IconPencil size={18} />}
                    onClick={() => void navigate(`/overleggen/${meetingId}/voorzitten`)}
                  >
                    {t.meetings.correctInChair}
                  </Button>
                )}
                {data.status === 'in_progress' && <ExportButton request={{ kind: 'minutes', meetingId }} label={t.exports.minutes} />}
                <InvitationActions meetingId={meetingId} status={data.status} />
                {!closed && (
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t.meetings.edit}
                  </Button>
                )}
                {!closed && (
                  <Button variant="light" onClick={() => void navigate(`/overleggen/${meetingId}/afsluiten`)}>
                    {t.meetings.close}
                  </Button>
                )}
              </Group>
            </Group>
            <InvitationHint meetingId={meetingId} status={data.status} />
            <Modal
              opened={editing}
              onClose={() => setEditing(false)}
              title={t.meetings.edit}
              size="lg"
              centered
              closeButtonProps={{ 'aria-label': t.meetings.cancel }}
            >
              {editing && (
                <MeetingForm
                  schoolId={data.schoolId}
                  initial={{
                    date: data.date,
                    startTime: data.startTime,
                    location: data.location,
                    chairId: data.chairId,
                    minuteTakerId: data.minuteTakerId,
                    inviteeIds: data.presence.filter((row) => row.invited).map((row) => row.memberId),
                  }}
                  submitting={update.isPending}
                  error={update.error?.message}
                  onCancel={() => setEditing(false)}
                  onSubmit={(values) => update.mutate({ meetingId, ...values }, { onSuccess: () => setEditing(false) })}
                />
              )}
            </Modal>
            <Grid>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack>
                  <Agenda meetingId={meetingId} agenda={data.agenda} editable={!closed} />
                  {/* Before the meeting: the agenda to send the kernteam (initials only with consent to share). */}
                  {!closed && (
                    <Group gap="sm" wrap="wrap">
                      <ExportButton request={{ kind: 'agenda', meetingId }} label={t.kernteamAgenda.export} />
                      <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 220 }}>
                        {t.kernteamAgenda.exportHint}
                      </Text>
                    </Group>
                  )}
                  {/* After the meeting: the ouderversies for parents who were not there, until each is sent. */}
                  {(data.status === 'held' || data.status === 'finalized') && <ParentCopies meetingId={meetingId} />}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Stack>
                  {(data.status === 'held' || data.status === 'finalized') && (
                    <MinutesPanel meetingId={meetingId} schoolId={data.schoolId} status={data.status} />
                  )}
                  {/* Next to the verslag: each kernteam member's own open agreements to send them. */}
                  {(data.status === 'held' || data.status === 'finalized') && <ActionLists meetingId={meetingId} />}
                  {!closed && (
                    <Suggestions
                      meetingId={meetingId}
                      schoolId={data.schoolId}
                      onAgenda={data.agenda.flatMap((item) => (item.caseId === null ? [] : [item.caseId]))}
                    />
                  )}
                  <Presence meetingId={meetingId} presence={data.presence} />
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        );
      }}
    </QueryState>
  );
}
