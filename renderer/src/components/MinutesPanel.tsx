import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../api';
import { formatShortDate, t } from '../i18n';
import { ExportButton } from './ExportButton';
import { SigningPanel } from './SigningPanel';
import { SignerList } from './certificates/SignerList';
import { signatureShortfall } from '../../../core/i18n/signerText';

/** Finalizing (vaststellen) a held meeting's verslag, signing it, corrections as new versions, and export. */
export function MinutesPanel({ meetingId, schoolId, status }: { meetingId: number; schoolId: number; status: string }) {
  const versions = useChannel('minutes.versions', { meetingId });
  const finalize = useChannelMutation('minutes.finalize');
  const correct = useChannelMutation('minutes.correct');
  const [reason, setReason] = useState('');
  // Before vaststellen: who would be named in the signature block, and why others would not.
  const signers = useChannel('minutes.signers', { meetingId }, { enabled: status === 'held' });
  const error = finalize.error ?? correct.error;
  // The confirmation names everyone whose signature the verslag would lack, with the reason.
  const finalizeQuestion = () => {
    const shortfall = signers.data && signatureShortfall(signers.data.signers, false);
    return shortfall
      ? [t.minutes.finalizeConfirm, '', shortfall.summary, ...shortfall.missing.map((line) => `– ${line}`)].join('\n')
      : t.minutes.finalizeConfirm;
  };
  return (
    <Card withBorder component="section" aria-label={t.minutes.title}>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t.minutes.title}</Title>
        <ExportButton request={{ kind: 'minutes', meetingId }} label={t.exports.minutes} />
      </Group>
      <Stack gap={4}>
        {(versions.data ?? []).length === 0 && <Text c="dimmed">{t.minutes.none}</Text>}
        {(versions.data ?? []).map((version) => (
          <Group key={version.version} gap="xs" wrap="wrap">
            <Badge variant="light" color={version.status === 'finalized' ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
              {t.minutes.version(version.version)}
            </Badge>
            <Text size="sm">
              {version.status === 'finalized' && version.finalizedAt ? formatShortDate(version.finalizedAt) : t.minutes.draft}
            </Text>
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
      {status === 'held' && signers.data && (
        <Stack mt="sm">
          <SignerList signers={signers.data.signers} finalized={false} />
        </Stack>
      )}
      {status === 'held' && (
        <Group justify="flex-end" mt="sm">
          <Button onClick={() => window.confirm(finalizeQuestion()) && finalize.mutate({ meetingId })} loading={finalize.isPending}>
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
