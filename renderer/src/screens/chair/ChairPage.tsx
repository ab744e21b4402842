import { Alert, Button, Grid, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconArrowRight, IconDeviceTv, IconDeviceTvOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useChannel, useChannelMutation } from '../../api';
import { QueryState } from '../../components/QueryState';
import { t } from '../../i18n';
import { ChairItem } from './ChairItem';
import { ItemNavigation } from './ItemNavigation';
import { ProjectorView } from './ProjectorView';
import { useProjector } from './useProjector';

/** Chair mode: one screen per agenda item, keyboard driven, with a projector view. */
export function ChairPage() {
  const params = useParams();
  const meetingId = Number(params.meetingId);
  const navigate = useNavigate();
  const meeting = useChannel('meetings.get', { meetingId });
  const start = useChannelMutation('meetings.start');
  const started = useRef(false);
  // Set by Alt+→ / Alt+← and the buttons: the next item's notes get the focus.
  const [focusNotes, setFocusNotes] = useState(false);
  useEffect(() => {
    if (!started.current && meeting.data?.status === 'planned') {
      started.current = true;
      start.mutate({ meetingId });
    }
  }, [meeting.data?.status, meetingId, start]);

  const agenda = meeting.data?.agenda ?? [];
  const currentId = params.itemId ? Number(params.itemId) : agenda[0]?.id;
  const index = agenda.findIndex((item) => item.id === currentId);
  const projector = useProjector(meetingId, currentId);
  const go = (delta: number) => {
    const target = agenda[index + delta];
    if (!target) return;
    setFocusNotes(true);
    void navigate(`/overleggen/${meetingId}/voorzitten/${target.id}`);
  };
  useHotkeys(
    [
      ['alt+ArrowRight', () => go(1)],
      ['alt+ArrowLeft', () => go(-1)],
      ['alt+N', () => document.getElementById('new-agreement')?.focus()],
      [
        'Escape',
        (event) => {
          // Esc in an open list (Wie, Trekker) closes that list, not the projection.
          if ((event.target as Element | null)?.getAttribute?.('aria-expanded') === 'true') return;
          projector.stop();
        },
        { preventDefault: false },
      ],
    ],
    [],
  );
  const current = index >= 0 ? agenda[index] : undefined;

  return (
    <QueryState query={meeting}>
      {(data) => (
        <>
          {/* Screen readers hear which item is now on screen after Alt+→ / Alt+←. */}
          <VisuallyHidden role="status" aria-live="polite" data-testid="item-announcement">
            {current ? t.chair.itemAnnouncement(index + 1, agenda.length, current.title) : ''}
          </VisuallyHidden>
          {agenda.length === 0 || currentId === undefined ? (
            <Text>{t.chair.emptyAgenda}</Text>
          ) : projector.mode === 'inline' ? (
            <ProjectorView agendaItemId={currentId} onLeave={projector.stop} />
          ) : (
            <Grid>
              <Grid.Col span={{ base: 12, md: 3 }} order={{ base: 2, md: 1 }}>
                <ItemNavigation meetingId={meetingId} date={data.date} agenda={agenda} currentId={currentId} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 9 }} order={{ base: 1, md: 2 }}>
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
                    {projector.mode === 'window' ? (
                      <Button variant="light" color="orange" leftSection={<IconDeviceTvOff size={16} />} onClick={projector.stop}>
                        {t.chair.stopProjector}
                      </Button>
                    ) : (
                      <Button
                        variant="light"
                        leftSection={<IconDeviceTv size={16} />}
                        loading={projector.opening}
                        onClick={projector.start}
                      >
                        {t.chair.projector}
                      </Button>
                    )}
                  </Group>
                  {projector.mode === 'window' && (
                    <Alert color="blue" variant="light" py="xs">
                      {t.chair.projecting}
                    </Alert>
                  )}
                  <ChairItem key={currentId} agendaItemId={currentId} focusNotes={focusNotes} />
                </Stack>
              </Grid.Col>
            </Grid>
          )}
        </>
      )}
    </QueryState>
  );
}
