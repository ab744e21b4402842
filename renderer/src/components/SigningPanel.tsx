import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../api';
import { formatMoment, t } from '../i18n';
import { CertificatePassphraseForm } from './certificates/CertificatePassphraseForm';
import { CertificatePicker } from './certificates/CertificatePicker';
import { SignerList } from './certificates/SignerList';
import { RecipientGuide } from './RecipientGuide';

const roleLabel = (role: 'chair' | 'minuteTaker') => (role === 'chair' ? t.docs.chair : t.docs.minuteTaker);

/** Who signs the finalized verslag and where each stands, who already did, and signing with a passphrase. */
export function SigningPanel({ meetingId, schoolId }: { meetingId: number; schoolId: number }) {
  const state = useChannel('minutes.signing', { meetingId });
  const expected = useChannel('minutes.signers', { meetingId });
  const [signing, setSigning] = useState<{ certificateId: number; title: string } | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [done, setDone] = useState(false);
  if (!state.data || !expected.data) return null;
  const { declared, signatures } = state.data;
  const declaredPrints = new Set(declared.map((signer) => signer.fingerprint));
  const others = signatures.filter((signature) => !declaredPrints.has(signature.fingerprint));
  return (
    <Stack gap={6} mt="md">
      <Title order={4}>{t.signing.title}</Title>
      <SignerList
        signers={expected.data.signers}
        finalized={expected.data.finalized}
        onSign={(signer) =>
          signer.certificateId !== null &&
          setSigning({ certificateId: signer.certificateId, title: t.signing.signAsTitle(roleLabel(signer.meetingRole), signer.name) })
        }
      />
      {others.map((signature) => (
        <Text key={signature.fingerprint} size="sm">
          {t.signing.extra}: {signature.signerName}
          {signature.signerRole ? ` (${signature.signerRole})` : ''} — {t.signing.signedOn(formatMoment(signature.signedAt))}
        </Text>
      ))}
      {done && (
        <Text size="sm" c="teal.9" role="status">
          {t.signing.done}
        </Text>
      )}
      <RecipientGuide />
      {declared.length === 0 && (
        // No one is named in the block: a certificate of the school can still add a signature (not in the block).
        <Stack gap={4}>
          <Group align="flex-end" wrap="wrap">
            <div style={{ flex: '1 1 16rem', maxWidth: 420 }}>
              <CertificatePicker
                schoolId={schoolId}
                value={chosen}
                onChange={setChosen}
                label={t.signing.signOther}
                signedFingerprints={signatures.map((signature) => signature.fingerprint)}
              />
            </div>
            <Button
              variant="light"
              leftSection={<IconSignature size={18} />}
              disabled={chosen === null}
              onClick={() => chosen !== null && setSigning({ certificateId: chosen, title: t.signing.signOther })}
            >
              {t.signing.confirm}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t.signing.signOtherHint}
          </Text>
        </Stack>
      )}
      <Modal
        opened={signing !== null}
        onClose={() => setSigning(null)}
        title={signing?.title}
        centered
        closeButtonProps={{ 'aria-label': t.certificates.cancel }}
      >
        {signing && (
          <SignForm
            meetingId={meetingId}
            certificateId={signing.certificateId}
            onCancel={() => setSigning(null)}
            onDone={() => {
              setSigning(null);
              setDone(true);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function SignForm({
  meetingId,
  certificateId,
  onCancel,
  onDone,
}: {
  meetingId: number;
  certificateId: number;
  onCancel: () => void;
  onDone: () => void;
}) {
  const sign = useChannelMutation('minutes.sign');
  return (
    <CertificatePassphraseForm
      submitLabel={t.signing.confirm}
      onSubmit={(passphrase) => sign.mutate({ meetingId, certificateId, passphrase }, { onSuccess: onDone })}
      onCancel={onCancel}
      error={sign.error?.message}
      pending={sign.isPending}
    />
  );
}
