import { Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { QueryState } from '../../components/QueryState';
import { formatShortDate, t } from '../../i18n';
import { Fingerprint } from './Fingerprint';
import { ConfirmDialog } from './RenameDialog';
import type { RegionSigner } from './types';

const s = t.regio.screens.settings;

/** The schools' signing keys the coordinator trusted, each removable (its contributions already read stay). */
export function TrustedSigners() {
  const signers = useChannel('region.signers.list', undefined);
  const remove = useChannelMutation('region.signers.remove');
  const [removing, setRemoving] = useState<RegionSigner | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="trusted-signers-title">
      <Title order={3} id="trusted-signers-title" mb="xs">
        {s.signersTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={900}>
        {s.signersIntro}
      </Text>
      <QueryState query={signers}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{s.signersEmpty}</Text>
          ) : (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={s.signersTitle}>
              {list.map((signer) => (
                <Paper component="li" withBorder p="xs" key={signer.id} aria-label={signer.schoolName}>
                  <Group justify="space-between" align="flex-start" gap="xs">
                    <Stack gap={2} style={{ flex: '1 1 20rem', minWidth: 0 }}>
                      <Text fw={600}>{signer.schoolName}</Text>
                      <Text size="sm">
                        {s.signerSubject}: {signer.subject}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {s.signerSince}: {formatShortDate(signer.acceptedAt)}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {s.fingerprint}: <Fingerprint value={signer.fingerprint} size="xs" />
                      </Text>
                    </Stack>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={s.removeSignerFor(signer.schoolName)}
                      onClick={() => (remove.reset(), setRemoving(signer))}
                    >
                      {s.removeSigner}
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
      {removing && (
        <ConfirmDialog
          title={s.removeSignerTitle}
          text={s.removeSignerText(removing.schoolName)}
          confirmLabel={s.removeSignerButton}
          onConfirm={() => remove.mutate({ signerId: removing.id }, { onSuccess: () => setRemoving(null) })}
          onClose={() => setRemoving(null)}
          pending={remove.isPending}
          error={remove.error?.message}
        />
      )}
    </Card>
  );
}
