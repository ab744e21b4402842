import { Badge, Button, Group, Modal, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../api';
import { formatMoment, t } from '../i18n';
import { DialogActions } from './DialogActions';

const roleLabel = (role: 'chair' | 'minuteTaker') => (role === 'chair' ? t.docs.chair : t.docs.minuteTaker);

/** Who signs the finalized verslag, who already did, and signing with a passphrase. */
export function SigningPanel({ meetingId, schoolId }: { meetingId: number; schoolId: number }) {
  const state = useChannel('minutes.signing', { meetingId });
  const certificates = useChannel('certificates.list', { schoolId });
  const [signing, setSigning] = useState<{ certificateId: number; title: string } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (!state.data) return null;
  const { declared, signatures, nextCertificateId } = state.data;
  const next = declared.find((signer) => signer.certificateId === nextCertificateId);
  const declaredPrints = new Set(declared.map((signer) => signer.fingerprint));
  const others = signatures.filter((signature) => !declaredPrints.has(signature.fingerprint));
  const signedPrints = new Set(signatures.map((signature) => signature.fingerprint));
  const usable = (certificates.data ?? []).filter(
    (certificate) => !signedPrints.has(certificate.fingerprint) && certificate.notAfter > new Date().toISOString(),
  );
  return (
    <Stack gap={6} mt="md">
      <Title order={4}>{t.signing.title}</Title>
      {declared.map((signer) => (
        <Group key={signer.meetingRole} gap="xs">
          <Text size="sm" fw={600}>
            {roleLabel(signer.meetingRole)}: {signer.name}
          </Text>
          <Badge variant="light" color={signer.signedAt ? 'teal' : 'gray'}>
            {signer.signedAt ? t.signing.signedOn(formatMoment(signer.signedAt)) : t.signing.waiting}
          </Badge>
        </Group>
      ))}
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
      {next && (
        <Group>
          <Button
            leftSection={<IconSignature size={18} />}
            onClick={() =>
              setSigning({ certificateId: next.certificateId, title: t.signing.signAsTitle(roleLabel(next.meetingRole), next.name) })
            }
          >
            {t.signing.signAs(roleLabel(next.meetingRole))}
          </Button>
        </Group>
      )}
      {declared.length === 0 && (
        <>
          <Text size="sm" c="dimmed">
            {t.signing.noneDeclared}
          </Text>
          <Group align="flex-end">
            <Select
              label={t.signing.signWith}
              data={usable.map((certificate) => ({
                value: String(certificate.id),
                label: `${certificate.name}${certificate.role ? ` (${certificate.role})` : ''}`,
              }))}
              value={chosen}
              onChange={setChosen}
              w={360}
            />
            <Button
              variant="light"
              leftSection={<IconSignature size={18} />}
              disabled={!chosen}
              onClick={() => chosen && setSigning({ certificateId: Number(chosen), title: t.signing.signWith })}
            >
              {t.signing.confirm}
            </Button>
          </Group>
        </>
      )}
      <Modal
        opened={signing !== null}
        onClose={() => setSigning(null)}
        title={signing?.title}
        centered
        closeButtonProps={{ 'aria-label': t.certificates.cancel }}
      >
        {signing && (
          <PassphraseForm
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

function PassphraseForm({
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
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        sign.mutate({ meetingId, certificateId, passphrase }, { onSuccess: onDone });
      }}
    >
      <Stack>
        <PasswordInput
          label={t.signing.passphrase}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          data-autofocus
        />
        <DialogActions error={sign.error?.message} onCancel={onCancel} submitLabel={t.signing.confirm} loading={sign.isPending} />
      </Stack>
    </form>
  );
}
