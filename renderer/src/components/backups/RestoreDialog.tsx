import { Alert, Checkbox, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BackupEntry } from '../../../../core/contract/backups';
import { useChannel, useChannelMutation } from '../../api';
import { formatMoment, t } from '../../i18n';
import { DialogActions } from '../DialogActions';
import { BackupProgressBar } from './BackupProgressBar';
import { notifyRestored } from './notifyRestored';
import { b, PROGRESS_POLL_MS } from './shared';

/**
 * Restoring replaces the data: say what happens and what is lost, ask for a
 * tick, then save the current state as a backup, restore, and reload everything
 * (the school list may differ in the restored data).
 */
export function RestoreDialog({ backup, onClose }: { backup: BackupEntry; onClose: () => void }) {
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
