import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../api';
import { formatShortDate, t } from '../i18n';
import { ExportButton } from './ExportButton';
import { SigningPanel } from './SigningPanel';

/** Finalizing (vaststellen) a held meeting's verslag, signing it, corrections as new versions, and export. */
export function MinutesPanel({ meetingId, schoolId, status }: { meetingId: number; schoolId: number; status: string }) {
  const versions = useChannel('minutes.versions', { meetingId });
  const finalize = useChannelMutation('minutes.finalize');
  const correct = useChannelMutation('minutes.correct');
  const [reason, setReason] = useState('');
  const error = finalize.error ?? correct.error;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t.minutes.title}</Title>
        <ExportButton request={{ kind: 'minutes', meetingId }} label={t.exports.minutes} />
      </Group>
      <Stack gap={4}>
        {(versions.data ?? []).length === 0 && <Text c="dimmed">{t.minutes.none}</Text>}
        {(versions.data ?? []).map((version) => (
          <Group key={version.version} gap="xs" wrap="nowrap">
            <Badge variant="light" color={version.status === 'finalized' ? 'teal' : 'gray'}>
              {t.minutes.version(version.version)}
            </Badge>
            <Text size="sm">{version.status === 'finalized' && version.finalizedAt ? formatShortDate(version.finalizedAt) : t.minutes.draft}</Text>
            {version.sha256 && (
              <Text size="xs" c="dimmed" ff="monospace" title={version.sha256}>
                {t.minutes.fingerprint} {version.sha256.slice(0, 16)}…
              </Text>
            )}
            {version.correctionReason && (
              <Text size="xs" c="dimmed">
                {version.correctionReason}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
      {status === 'held' && (
        <Group justify="flex-end" mt="sm">
          <Button onClick={() => window.confirm(t.minutes.finalizeConfirm) && finalize.mutate({ meetingId })} loading={finalize.isPending}>
            {t.minutes.finalize}
          </Button>
        </Group>
      )}
      {status === 'finalized' && <SigningPanel meetingId={meetingId} schoolId={schoolId} />}
      {status === 'finalized' && (
        <Group mt="sm" align="flex-end">
          <TextInput
            label={t.minutes.correctionReason}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button variant="light" onClick={() => correct.mutate({ meetingId, reason }, { onSuccess: () => setReason('') })}>
            {t.minutes.correct}
          </Button>
        </Group>
      )}
      {error && (
        <Text c="red.9" role="alert" mt="xs">
          {error.error.fields?.[0]?.message ?? error.message}
        </Text>
      )}
    </Card>
  );
}
