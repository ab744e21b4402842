import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarOff, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../api';
import { t } from '../i18n';
import { DialogActions } from './DialogActions';
import { ExportButton } from './ExportButton';

type Status = 'planned' | 'in_progress' | 'held' | 'finalized' | 'cancelled';

/** The meeting page's calendar actions: send the invitation (again), cancel a planned meeting, send its cancellation. */
export function InvitationActions({ meetingId, status }: { meetingId: number; status: Status }) {
  const cancel = useChannelMutation('meetings.cancel');
  const [asking, setAsking] = useState(false);
  if (status === 'held' || status === 'finalized') return null;
  if (status === 'cancelled') return <ExportButton request={{ kind: 'invitation', meetingId }} label={t.invitation.cancelButton} />;
  return (
    <>
      <ExportButton request={{ kind: 'invitation', meetingId }} label={t.invitation.button} />
      {status === 'planned' && (
        <Button variant="subtle" color="red" leftSection={<IconCalendarOff size={18} />} onClick={() => setAsking(true)}>
          {t.invitation.cancelMeeting}
        </Button>
      )}
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t.invitation.cancelMeetingTitle}
        centered
        closeButtonProps={{ 'aria-label': t.invitation.keepMeeting }}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            cancel.mutate(
              { meetingId },
              {
                onSuccess: () => {
                  setAsking(false);
                  notifications.show({ color: 'teal', message: t.invitation.cancelled });
                },
              },
            );
          }}
        >
          <Stack>
            <Text>{t.invitation.cancelMeetingText}</Text>
            <DialogActions
              error={cancel.error?.message}
              onCancel={() => setAsking(false)}
              cancelLabel={t.invitation.keepMeeting}
              submitLabel={t.invitation.cancelMeetingConfirm}
              color="red"
              loading={cancel.isPending}
            />
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Under the meeting's title: the invitation was sent before a change, or will name no organiser to reply to. */
export function InvitationHint({ meetingId, status }: { meetingId: number; status: Status }) {
  const open = status === 'planned' || status === 'in_progress';
  const invitation = useChannel('meetings.invitationState', { meetingId }, { enabled: open });
  if (!open || !invitation.data) return null;
  const { state, organizer } = invitation.data;
  if (state !== 'outdated' && organizer) return null;
  return (
    <Alert variant="light" color={state === 'outdated' ? 'yellow' : 'blue'} icon={<IconInfoCircle size={18} />}>
      {state === 'outdated' ? t.invitation.outdated : t.invitation.noOrganizerEmail}
    </Alert>
  );
}
