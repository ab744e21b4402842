import { Button, Group, Text, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/** The end of a dialog form: the Dutch message of a failed try, then "Annuleren" and the action (red for one that replaces data). */
export function DialogActions({
  error,
  onCancel,
  submitLabel,
  loading,
  disabled,
  color,
  icon,
  cancelDisabled,
  cancelLabel = t.certificates.cancel,
  cancelIcon,
}: {
  error?: string | null;
  onCancel: () => void;
  submitLabel: string;
  loading?: boolean;
  disabled?: boolean;
  color?: MantineColor;
  icon?: ReactNode;
  /** While the action runs and cannot be stopped. */
  cancelDisabled?: boolean;
  /** A cancel that is a decision of its own ("Niet vertrouwen") instead of "Annuleren". */
  cancelLabel?: string;
  cancelIcon?: ReactNode;
}) {
  return (
    <>
      {error && (
        <Text c="red.9" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={cancelDisabled} leftSection={cancelIcon}>
          {cancelLabel}
        </Button>
        <Button type="submit" loading={loading} disabled={disabled} color={color} leftSection={icon}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
