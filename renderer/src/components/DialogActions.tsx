import { Button, Group, Text } from '@mantine/core';
import { t } from '../i18n';

/** The end of a dialog form: the Dutch message of a failed try, then "Annuleren" and the action. */
export function DialogActions({
  error,
  onCancel,
  submitLabel,
  loading,
  disabled,
}: {
  error?: string | null;
  onCancel: () => void;
  submitLabel: string;
  loading?: boolean;
  disabled?: boolean;
}) {
  return (
    <>
      {error && (
        <Text c="red.9" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t.certificates.cancel}
        </Button>
        <Button type="submit" loading={loading} disabled={disabled}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
