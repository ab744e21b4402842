import { Alert, Anchor, Button, Card, Checkbox, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBraces, IconFileTypeDocx, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { pupilErasePreview } from '../../../../core/contract/privacy';
import { auditCountsText } from '../../../../core/i18n/auditText';
import { useChannel, useChannelMutation } from '../../api';
import { formatShortDate, t } from '../../i18n';
import { QueryState } from '../QueryState';
import { AffectedMeetings } from './RetentionPanel';

type ErasePreview = z.infer<typeof pupilErasePreview>;
const p = t.privacy.pupil;

/** A request of parents or a pupil (AVG art. 15 and 17): export everything about the pupil, or erase it. */
export function PupilRequestPanel({
  schoolId,
  pupilId,
  onPupil,
}: {
  schoolId: number;
  pupilId: number | null;
  onPupil: (pupilId: number | null) => void;
}) {
  const pupils = useChannel('pupils.list', { schoolId });
  const save = useChannelMutation('pupilData.export');
  const [erasing, setErasing] = useState(false);
  const exportAs = (format: 'docx' | 'json') =>
    pupilId &&
    save.mutate(
      { pupilId, format },
      {
        onSuccess: ({ fileName }) => fileName && notifications.show({ color: 'teal', message: t.exports.saved(fileName) }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  return (
    <Stack>
      <Text c="dimmed" maw={900}>
        {p.intro}
      </Text>
      <Card withBorder>
        <Stack>
          <Select
            label={p.select}
            placeholder={p.choose}
            searchable
            data={(pupils.data ?? []).map((pupil) => ({
              value: String(pupil.id),
              label: `${pupil.firstName} ${pupil.lastName} (${pupil.groupName})`,
            }))}
            value={pupilId ? String(pupilId) : null}
            onChange={(value) => onPupil(value ? Number(value) : null)}
            maw={480}
          />
          <Group>
            <Button
              variant="light"
              leftSection={<IconFileTypeDocx size={18} />}
              disabled={!pupilId}
              loading={save.isPending && save.variables?.format === 'docx'}
              onClick={() => exportAs('docx')}
            >
              {p.exportDocx}
            </Button>
            <Button
              variant="light"
              leftSection={<IconBraces size={18} />}
              disabled={!pupilId}
              loading={save.isPending && save.variables?.format === 'json'}
              onClick={() => exportAs('json')}
            >
              {p.exportJson}
            </Button>
            <Button color="red" variant="light" leftSection={<IconTrash size={18} />} disabled={!pupilId} onClick={() => setErasing(true)}>
              {p.erase}
            </Button>
          </Group>
        </Stack>
      </Card>
      {pupilId && erasing && (
        <EraseDialog
          pupilId={pupilId}
          onClose={() => setErasing(false)}
          onErased={() => {
            setErasing(false);
            onPupil(null);
          }}
        />
      )}
    </Stack>
  );
}

function EraseDialog({ pupilId, onClose, onErased }: { pupilId: number; onClose: () => void; onErased: () => void }) {
  // Once erasing starts the preview is not asked again: the pupil is about to be gone.
  const [erasing, setErasing] = useState(false);
  const preview = useChannel('pupilData.preview', { pupilId }, { enabled: !erasing });
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      centered
      title={preview.data ? p.eraseTitle(preview.data.name) : p.erase}
      closeButtonProps={{ 'aria-label': t.certificates.cancel }}
    >
      <QueryState query={preview}>
        {(data) => <EraseForm preview={data} onCancel={onClose} onErasing={setErasing} onErased={onErased} />}
      </QueryState>
    </Modal>
  );
}

function EraseForm({
  preview,
  onCancel,
  onErasing,
  onErased,
}: {
  preview: ErasePreview;
  onCancel: () => void;
  onErasing: (erasing: boolean) => void;
  onErased: () => void;
}) {
  const [confirmed, setConfirmed] = useState(false);
  const erase = useChannelMutation('pupilData.erase');
  return (
    <Stack>
      <Text>
        {preview.name}, {formatShortDate(preview.dateOfBirth)}, {preview.groupName}
      </Text>
      {preview.openCases > 0 && (
        <Alert color="orange" variant="light">
          {p.openCases(preview.openCases)}
        </Alert>
      )}
      <Text>
        <Text span fw={600}>
          {p.willRemove}:
        </Text>{' '}
        {auditCountsText(preview.counts)}
      </Text>
      {preview.meetings.length > 0 && <AffectedMeetings meetings={preview.meetings} />}
      {preview.mentions.length > 0 && (
        <Alert color="yellow" variant="light">
          <Text size="sm" mb={4}>
            {p.mentions}
          </Text>
          <List size="sm">
            {preview.mentions.map((mention, index) => (
              <List.Item key={index}>
                <Anchor
                  component={Link}
                  to={mention.caseId ? `/casussen/${mention.caseId}` : `/overleggen/${mention.meetingId}`}
                  onClick={onCancel}
                >
                  {p.mentionPlaces[mention.place]}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Checkbox label={p.confirm} checked={confirmed} onChange={(event) => setConfirmed(event.currentTarget.checked)} />
      {erase.error && (
        <Text c="red.9" role="alert">
          {erase.error.message}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t.certificates.cancel}
        </Button>
        <Button
          color="red"
          leftSection={<IconTrash size={18} />}
          disabled={!confirmed}
          loading={erase.isPending}
          onClick={() => {
            onErasing(true);
            erase.mutate(
              { pupilId: preview.pupilId, confirm: true },
              {
                onSuccess: ({ counts }) => {
                  notifications.show({ color: 'teal', message: p.erased(auditCountsText(counts)) });
                  onErased();
                },
                onError: () => onErasing(false),
              },
            );
          }}
        >
          {p.eraseButton}
        </Button>
      </Group>
    </Stack>
  );
}
