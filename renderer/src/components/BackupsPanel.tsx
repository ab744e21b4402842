import { Alert, Badge, Button, Card, Checkbox, Group, List, Modal, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDatabaseExport,
  IconFolder,
  IconHelpCircle,
  IconLock,
  IconRestore,
  IconShieldCheck,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { BackupEntry, backupProgress, backupStatus, restoreResult } from '../../../core/contract/backups';
import { useChannel, useChannelMutation } from '../api';
import { formatMoment, t } from '../i18n';
import { DialogActions } from './DialogActions';
import { QueryState } from './QueryState';

type Progress = z.infer<typeof backupProgress>;
type Status = z.infer<typeof backupStatus>;
type RestoreResult = z.infer<typeof restoreResult>;

const b = t.backups;
/** How often the progress of a running backup is asked. */
const PROGRESS_POLL_MS = 250;

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
  const chooseFolder = useChannelMutation('backups.chooseFolder');
  const resetFolder = useChannelMutation('backups.resetFolder');
  const verify = useChannelMutation('backups.verify');
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const running = create.isPending || Boolean(overview.data?.running);
  const progress = useChannel('backups.progress', undefined, {
    enabled: running,
    refetchInterval: running ? PROGRESS_POLL_MS : false,
    staleTime: 0,
  });
  const folderError = chooseFolder.error ?? resetFolder.error;

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
  const check = (backup: BackupEntry) =>
    verify.mutate(
      { name: backup.name },
      {
        onSuccess: (entry) =>
          notifications.show(
            entry.status === 'ok'
              ? { color: 'teal', message: b.verified(formatMoment(entry.createdAt)) }
              : { color: 'red', message: b.verifiedDamaged(formatMoment(entry.createdAt)) },
          ),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );

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

            <Stack gap={6}>
              <Text fw={600} size="sm">
                {b.folder}
              </Text>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconFolder size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
                  {data.folder}
                </Text>
                <Badge
                  variant="light"
                  color={data.folderSource === 'policy' ? 'gray' : 'indigo'}
                  leftSection={data.folderSource === 'policy' ? <IconLock size={12} aria-hidden /> : undefined}
                  style={{ flexShrink: 0 }}
                >
                  {b.folderSources[data.folderSource]}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {data.folderSource === 'policy' ? b.policyHint : data.folderSource === 'default' ? b.defaultHint : null}
              </Text>
              {data.folderSource !== 'policy' && (
                <Group gap="xs">
                  <Button
                    variant="default"
                    leftSection={<IconFolder size={18} />}
                    loading={chooseFolder.isPending}
                    disabled={running}
                    onClick={() =>
                      chooseFolder.mutate(undefined, {
                        onSuccess: (chosen) => chosen && notifications.show({ color: 'teal', message: b.folderChosen(chosen.folder) }),
                      })
                    }
                  >
                    {b.chooseFolder}
                  </Button>
                  {data.folderSource === 'user' && (
                    <Button
                      variant="subtle"
                      loading={resetFolder.isPending}
                      disabled={running}
                      onClick={() =>
                        resetFolder.mutate(undefined, { onSuccess: () => notifications.show({ color: 'teal', message: b.folderReset }) })
                      }
                    >
                      {b.resetFolder}
                    </Button>
                  )}
                </Group>
              )}
              {folderError && (
                <Text size="sm" c="red.9" role="alert">
                  {folderError.message}
                </Text>
              )}
            </Stack>

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

            {data.backups.length === 0 ? (
              <Text c="dimmed">{b.empty}</Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing={6} fz="sm" aria-label={b.table} striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{b.columns.createdAt}</Table.Th>
                      <Table.Th>{b.columns.kind}</Table.Th>
                      <Table.Th ta="right">{b.columns.size}</Table.Th>
                      <Table.Th>{b.columns.status}</Table.Th>
                      <Table.Th>{b.columns.actions}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.backups.map((backup) => {
                      const moment = formatMoment(backup.createdAt);
                      const kind = b.kinds[backup.kind];
                      return (
                        <Table.Tr key={backup.name}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{moment}</Table.Td>
                          <Table.Td>{kind}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                            {b.size(backup.bytes)}
                          </Table.Td>
                          <Table.Td>
                            <BackupStatus status={backup.status} verifiedAt={backup.verifiedAt} />
                          </Table.Td>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <Button
                                size="xs"
                                variant="subtle"
                                leftSection={<IconShieldCheck size={16} />}
                                aria-label={b.verifyFor(moment, kind)}
                                loading={verify.isPending && verify.variables?.name === backup.name}
                                disabled={running}
                                onClick={() => check(backup)}
                              >
                                {b.verify}
                              </Button>
                              {backup.status !== 'damaged' && (
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  leftSection={<IconRestore size={16} />}
                                  aria-label={b.restoreFor(moment, kind)}
                                  disabled={running}
                                  onClick={() => setRestoring(backup)}
                                >
                                  {b.restore}
                                </Button>
                              )}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}

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

const statusIcons = { ok: IconCircleCheck, damaged: IconAlertTriangle, unverified: IconHelpCircle } as const;
const statusColors = { ok: 'teal.9', damaged: 'red.9', unverified: 'gray.7' } as const;

/** The check result in words with an icon (never colour alone). */
function BackupStatus({ status, verifiedAt }: { status: Status; verifiedAt: string | null }) {
  const Icon = statusIcons[status];
  return (
    <Group gap={6} wrap="nowrap" c={statusColors[status]} title={verifiedAt ? b.verifiedAt(formatMoment(verifiedAt)) : undefined}>
      <Icon size={16} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm" fw={status === 'damaged' ? 600 : undefined} inherit>
        {b.statuses[status]}
      </Text>
    </Group>
  );
}

/** A running backup: what is happening, and once its size is known a labelled progress bar and how far it is in kB/MB. */
export function BackupProgressBar({ progress, label }: { progress: Progress | null | undefined; label: string }) {
  const percent = progress && progress.totalBytes > 0 ? Math.min(100, Math.round((progress.doneBytes / progress.totalBytes) * 100)) : 0;
  return (
    <Stack gap={4} maw={480}>
      <Text size="sm" role="status">
        {label}
      </Text>
      {progress && progress.totalBytes > 0 && (
        <>
          <Progress value={percent} aria-label={b.progressLabel} size="lg" animated />
          <Text size="xs" c="dimmed">
            {b.progressBytes(b.size(progress.doneBytes), b.size(progress.totalBytes))}
          </Text>
        </>
      )}
    </Stack>
  );
}

/**
 * Restoring replaces the data: say what happens and what is lost, ask for a
 * tick, then save the current state as a backup, restore, and reload everything
 * (the school list may differ in the restored data).
 */
function RestoreDialog({ backup, onClose }: { backup: BackupEntry; onClose: () => void }) {
  const r = b.restoreDialog;
  const client = useQueryClient();
  const info = useChannel('app.info', undefined);
  const restore = useChannelMutation('backups.restore');
  const [confirmed, setConfirmed] = useState(false);
  // The safety backup made first reports its progress like any other.
  const progress = useChannel('backups.progress', undefined, {
    enabled: restore.isPending,
    refetchInterval: restore.isPending ? PROGRESS_POLL_MS : false,
    staleTime: 0,
  });
  const moment = formatMoment(backup.createdAt);
  const older = backup.schemaVersion !== null && info.data !== undefined && backup.schemaVersion < info.data.schemaVersion;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) return;
    void client.resetQueries({ queryKey: ['backups.progress'] });
    restore.mutate(
      { name: backup.name },
      {
        // useChannelMutation has already invalidated every query and waited for the ones on screen, app.info among them
        // (the schools may differ); answers kept for screens not shown came from the data before: forget them.
        onSuccess: (result) => {
          client.removeQueries({ type: 'inactive' });
          notifyRestored(moment, result);
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={() => !restore.isPending && onClose()}
      closeOnClickOutside={!restore.isPending}
      closeOnEscape={!restore.isPending}
      withCloseButton={!restore.isPending}
      size="lg"
      centered
      title={r.title}
      closeButtonProps={{ 'aria-label': t.certificates.cancel }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text>{r.chosen(moment, b.kinds[backup.kind])}</Text>
          <List type="ordered" spacing={4}>
            {r.steps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {r.lost(moment)}
          </Alert>
          {older && <Text size="sm">{r.olderVersion}</Text>}
          <Checkbox
            data-autofocus
            label={r.confirm(moment)}
            checked={confirmed}
            disabled={restore.isPending}
            onChange={(event) => setConfirmed(event.currentTarget.checked)}
          />
          {restore.isPending && <BackupProgressBar progress={progress.data} label={r.busy} />}
          <DialogActions
            error={restore.error?.message}
            onCancel={onClose}
            submitLabel={r.submit}
            color="red"
            icon={<IconRestore size={18} />}
            loading={restore.isPending}
            disabled={!confirmed}
            cancelDisabled={restore.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** When a backup was made, read from its name (mdo-reservekopie-20261125T100000123Z-restore.db). */
function backupMoment(name: string): string | null {
  const match = /-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-/.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, ms] = match;
  return formatMoment(`${year}-${month}-${day}T${hour}:${minute}:${second}.${ms}Z`);
}

/** After a restore: which backup came back, and where the state from just before it (or the damaged file) went. */
export function notifyRestored(moment: string, result: RestoreResult) {
  const r = b.restoreDialog;
  const parts = [r.done(moment)];
  if (result.safetyBackup) parts.push(r.safety(backupMoment(result.safetyBackup) ?? '', result.safetyBackup));
  if (result.keptAside) parts.push(r.keptAside(result.keptAside));
  notifications.show({ color: 'teal', message: parts.join(' '), autoClose: 15_000 });
}
