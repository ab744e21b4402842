import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDatabaseExport, IconLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupEntry } from '../../../../core/contract/backups';
import { useChannel, useChannelMutation } from '../../api';
import { formatMoment } from '../../i18n';
import { QueryState } from '../QueryState';
import { BackupList } from './BackupList';
import { BackupProgressBar } from './BackupProgressBar';
import { FolderSection } from './FolderSection';
import { RestoreDialog } from './RestoreDialog';
import { b, PROGRESS_POLL_MS } from './shared';

/**
 * Where the backups go (and who chose that folder), a backup by hand with its
 * progress, and the list of this installation's backups to check or restore.
 */
export function BackupsPanel() {
  const client = useQueryClient();
  const overview = useChannel('backups.overview', undefined, {
    // An automatic backup may be running: follow it until it is done.
    refetchInterval: (query) => (query.state.data?.running ? 1000 : false),
  });
  const create = useChannelMutation('backups.create');
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const running = create.isPending || Boolean(overview.data?.running);
  const progress = useChannel('backups.progress', undefined, {
    enabled: running,
    refetchInterval: running ? PROGRESS_POLL_MS : false,
    staleTime: 0,
  });

  const makeBackup = () => {
    // No leftover numbers from the previous run.
    void client.resetQueries({ queryKey: ['backups.progress'] });
    create.mutate(undefined, {
      onSuccess: (entry) =>
        notifications.show(
          entry.status === 'damaged'
            ? { color: 'red', message: b.createdDamaged, autoClose: false }
            : { color: 'teal', message: b.created(formatMoment(entry.createdAt)) },
        ),
    });
  };
  return (
    <Card withBorder>
      <Title order={3}>{b.title}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {b.intro}
      </Text>
      <QueryState query={overview}>
        {(data) => (
          <Stack>
            {data.lastFailure && (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={b.lastFailureTitle} role="alert">
                <Text size="sm">{data.lastFailure.message}</Text>
                <Text size="sm">{b.lastFailureAt(formatMoment(data.lastFailure.at))}</Text>
              </Alert>
            )}

            <FolderSection overview={data} running={running} />

            <Stack gap="xs">
              <Group>
                <Button leftSection={<IconDatabaseExport size={18} />} onClick={makeBackup} loading={create.isPending} disabled={running}>
                  {b.create}
                </Button>
              </Group>
              {running && (
                <BackupProgressBar
                  progress={progress.data ?? data.running}
                  label={
                    create.isPending || !data.running || data.running.kind === 'manual'
                      ? b.inProgress
                      : b.inProgressAutomatic(b.kinds[data.running.kind])
                  }
                />
              )}
              {create.error && (
                <Text size="sm" c="red.9" role="alert">
                  {create.error.message}
                </Text>
              )}
            </Stack>

            <BackupList backups={data.backups} running={running} onRestore={setRestoring} />

            <Text size="sm" c="dimmed">
              {b.keep(data.keep)}
            </Text>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <Text size="sm" c="dimmed">
                {b.encryption}
              </Text>
            </Group>
          </Stack>
        )}
      </QueryState>
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </Card>
  );
}
