import { ActionIcon, Button, Group, Modal, Tooltip, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconFileTypeDocx, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import type { exportRequest } from '../../../core/contract/entities';
import { useChannelMutation } from '../api';
import { t } from '../i18n';
import { useSchool } from '../school';
import { CertificatePassphraseForm } from './certificates/CertificatePassphraseForm';
import { CertificatePicker } from './certificates/CertificatePicker';

type Request = z.input<typeof exportRequest>;

/** The verslag is signed once after vaststellen; an invitation is no DOCX; the guide holds no school data. */
const unsignable: ReadonlySet<Request['kind']> = new Set(['minutes', 'invitation', 'recipientGuide']);

/**
 * Builds a DOCX in main and lets the user save it; says where it went or why
 * not. A parent version or dossier can also be saved signed.
 */
export function ExportButton({ request, label, ...props }: { request: Request; label: string } & ButtonProps) {
  const save = useChannelMutation('documents.export');
  const [signing, setSigning] = useState(false);
  const run = (input: Request, onSaved?: () => void) =>
    save.mutate(input, {
      onSuccess: ({ fileName }) => {
        if (!fileName) return;
        notifications.show({ color: 'teal', message: t.exports.saved(fileName) });
        onSaved?.();
      },
      onError: (error) => !onSaved && notifications.show({ color: 'red', message: error.message }),
    });
  const name = (props as { 'aria-label'?: string })['aria-label'] ?? label;
  return (
    <Group gap={4} wrap="nowrap" mt={props.mt}>
      <Button
        variant="light"
        leftSection={request.kind === 'invitation' ? <IconCalendarEvent size={18} /> : <IconFileTypeDocx size={18} />}
        loading={save.isPending && !signing}
        onClick={() => run(request)}
        {...props}
        mt={undefined}
      >
        {label}
      </Button>
      {!unsignable.has(request.kind) && (
        <Tooltip label={t.exports.signed}>
          <ActionIcon
            variant="subtle"
            size={props.size === 'compact-sm' ? 'md' : 'lg'}
            aria-label={`${t.exports.signed}: ${name}`}
            onClick={() => setSigning(true)}
          >
            <IconSignature size={18} />
          </ActionIcon>
        </Tooltip>
      )}
      <Modal
        opened={signing}
        onClose={() => setSigning(false)}
        title={`${t.exports.signed}: ${label}`}
        centered
        closeButtonProps={{ 'aria-label': t.certificates.cancel }}
      >
        {signing && (
          <SignedExportForm
            pending={save.isPending}
            error={save.error?.message}
            onCancel={() => setSigning(false)}
            onSubmit={(sign) => run({ ...request, sign } as Request, () => setSigning(false))}
          />
        )}
      </Modal>
    </Group>
  );
}

function SignedExportForm({
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  pending: boolean;
  error?: string;
  onCancel: () => void;
  onSubmit: (sign: { certificateId: number; passphrase: string }) => void;
}) {
  const { current } = useSchool();
  const [certificateId, setCertificateId] = useState<number | null>(null);
  return (
    <CertificatePassphraseForm
      submitLabel={t.exports.signAndSave}
      onSubmit={(passphrase) => certificateId !== null && onSubmit({ certificateId, passphrase })}
      onCancel={onCancel}
      error={error}
      pending={pending}
      disabled={certificateId === null}
      autoFocus={false}
    >
      <CertificatePicker schoolId={current.id} value={certificateId} onChange={setCertificateId} autoFocus />
    </CertificatePassphraseForm>
  );
}
