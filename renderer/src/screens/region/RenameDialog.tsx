import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DialogActions } from '../../components/DialogActions';
import { t } from '../../i18n';

/** Asks a new name for a school or a gebied; `onSave` returns main's refusal (a name taken) or null. */
export function RenameDialog({
  title,
  name,
  onSave,
  onClose,
  pending,
  error,
}: {
  title: string;
  name: string;
  onSave: (name: string) => void;
  onClose: () => void;
  pending: boolean;
  error?: string | null;
}) {
  const [value, setValue] = useState(name);
  const s = t.regio.screens.schools;
  return (
    <Modal opened onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t.certificates.cancel }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSave(value);
        }}
      >
        <Stack>
          <TextInput label={s.newName} required value={value} onChange={(event) => setValue(event.currentTarget.value)} data-autofocus />
          <DialogActions error={error} onCancel={onClose} submitLabel={s.save} loading={pending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Asks before removing something that cannot come back (except from a backup). */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  onConfirm,
  onClose,
  pending,
  error,
}: {
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  error?: string | null;
}) {
  return (
    <Modal opened onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t.certificates.cancel }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <Stack>
          <p style={{ margin: 0 }}>{text}</p>
          <DialogActions error={error} onCancel={onClose} submitLabel={confirmLabel} color="red" loading={pending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** "Wijzig naam" and "Verwijder" for one school or gebied in a list, named for it (screen readers hear which). */
export function RenameRemoveButtons({ name, onRename, onRemove }: { name: string; onRename: () => void; onRemove: () => void }) {
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="compact-sm" variant="subtle" aria-label={t.regio.screens.schools.renameFor(name)} onClick={onRename}>
        {t.regio.screens.schools.rename}
      </Button>
      <Button size="compact-sm" variant="subtle" color="red" aria-label={t.regio.screens.schools.removeFor(name)} onClick={onRemove}>
        {t.regio.screens.schools.remove}
      </Button>
    </Group>
  );
}
