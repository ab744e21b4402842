import { PasswordInput, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { t } from '../../i18n';
import { DialogActions } from '../DialogActions';

const MIN_LENGTH = 8;

/**
 * The one form that asks a certificate's passphrase: to sign, to save signed,
 * to import, or (with `repeat`) to protect a new certificate. Fields the
 * caller needs (a member, a certificate) go above it as children.
 */
export function CertificatePassphraseForm({
  children,
  label = t.signing.passphrase,
  description,
  repeat = false,
  submitLabel,
  onSubmit,
  onCancel,
  beforeSubmit,
  error,
  pending,
  disabled,
  autoFocus = true,
}: {
  children?: ReactNode;
  label?: string;
  description?: string;
  /** A new passphrase: asked twice, at least 8 characters. */
  repeat?: boolean;
  submitLabel: string;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
  /** Checks the caller's own fields on submit (showing their messages); false stops the submit. */
  beforeSubmit?: () => boolean;
  error?: string | null;
  pending?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<{ passphrase?: string; again?: string }>({});
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = repeat
          ? {
              passphrase: passphrase.length < MIN_LENGTH ? t.forms.passphrase : undefined,
              again: passphrase !== again ? t.certificates.passphraseMismatch : undefined,
            }
          : {};
        setProblems(found);
        const callerOk = beforeSubmit?.() ?? true;
        if (found.passphrase || found.again || !callerOk) return;
        onSubmit(passphrase);
      }}
    >
      <Stack>
        {children}
        <PasswordInput
          label={label}
          description={description}
          required={repeat}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          error={problems.passphrase}
          data-autofocus={autoFocus || undefined}
        />
        {repeat && (
          <PasswordInput
            label={t.certificates.passphraseRepeat}
            required
            value={again}
            onChange={(event) => setAgain(event.currentTarget.value)}
            error={problems.again}
          />
        )}
        <DialogActions error={error} onCancel={onCancel} submitLabel={submitLabel} loading={pending} disabled={disabled} />
      </Stack>
    </form>
  );
}
