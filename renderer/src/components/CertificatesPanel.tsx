import { Badge, Button, Card, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { certificateValidity, certificateWarning } from '../../../core/i18n/signerText';
import { useChannel, useChannelMutation } from '../api';
import { t } from '../i18n';
import { CertificatePassphraseForm } from './certificates/CertificatePassphraseForm';
import { CertificateStatusBadge } from './certificates/CertificateStatusBadge';
import { QueryState } from './QueryState';
import { FingerprintFours } from './certificates/FingerprintFours';

/** The school's signing certificates: personal ones made here, or imported from the school board's PKI. */
export function CertificatesPanel({ schoolId }: { schoolId: number }) {
  const certificates = useChannel('certificates.list', { schoolId });
  // IT can switch off making personal certificates on this computer (machine policy): then only importing is offered.
  const canCreate = useChannel('app.info', undefined).data?.policy.allowPersonalCertificates === true;
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const [done, setDone] = useState('');
  const finish = (message: string) => {
    setDialog(null);
    setDone(message);
  };
  return (
    <Card withBorder component="section" aria-label={t.certificates.title}>
      <Group justify="space-between" mb="xs">
        <Title order={3}>{t.certificates.title}</Title>
        <Group gap="xs">
          <Button variant="light" leftSection={<IconFileImport size={18} />} onClick={() => setDialog('import')}>
            {t.certificates.import}
          </Button>
          {canCreate && (
            <Button leftSection={<IconCertificate size={18} />} onClick={() => setDialog('create')}>
              {t.certificates.create}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t.certificates.intro}
      </Text>
      {!canCreate && (
        <Text size="sm" mb="sm">
          {t.policy.certificatesOff}
        </Text>
      )}
      {done && (
        <Text size="sm" c="teal.9" role="status" mb="xs">
          {done}
        </Text>
      )}
      <QueryState query={certificates}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t.certificates.none}</Text>
          ) : (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {list.map((certificate) => {
                const warning = certificateWarning(certificate);
                return (
                  <Paper component="li" key={certificate.id} withBorder p="xs" aria-label={certificate.name}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600}>{certificate.name}</Text>
                      {certificate.role && <Text size="sm">{certificate.role}</Text>}
                      <Text size="sm" c="dimmed">
                        {t.certificates.member}: {certificate.memberName ?? t.certificates.noMember}
                      </Text>
                    </Group>
                    <Group gap="xs" wrap="wrap" mt={4}>
                      <Text size="sm">{certificateValidity(certificate)}</Text>
                      <CertificateStatusBadge status={certificate.status} />
                      <Badge variant="light" color={certificate.source === 'created' ? 'indigo' : 'gray'} style={{ flexShrink: 0 }}>
                        {t.certificates.source[certificate.source]}
                      </Badge>
                    </Group>
                    {warning && (
                      <Text size="sm" mt={4} c={certificate.status === 'expiresSoon' ? 'yellow.9' : 'red.9'}>
                        {warning}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" mt={4}>
                      {t.certificates.fingerprint}:{' '}
                      <FingerprintFours value={certificate.fingerprint} size="xs" testId="certificate-fingerprint" />
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t.recipientGuide.sha1}:{' '}
                      {certificate.fingerprintSha1 ? (
                        <FingerprintFours value={certificate.fingerprintSha1} size="xs" testId="certificate-fingerprint-sha1" />
                      ) : (
                        t.recipientGuide.sha1AfterFirstSignature
                      )}
                    </Text>
                    {certificate.memberName && (
                      <Text size="xs" c="dimmed">
                        {t.recipientGuide.ownFingerprint}
                      </Text>
                    )}
                  </Paper>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
      <Modal
        opened={dialog === 'create'}
        onClose={() => setDialog(null)}
        title={t.certificates.create}
        centered
        closeButtonProps={{ 'aria-label': t.certificates.cancel }}
      >
        {dialog === 'create' && (
          <CreateForm schoolId={schoolId} onCancel={() => setDialog(null)} onDone={() => finish(t.certificates.created)} />
        )}
      </Modal>
      <Modal
        opened={dialog === 'import'}
        onClose={() => setDialog(null)}
        title={t.certificates.import}
        centered
        closeButtonProps={{ 'aria-label': t.certificates.cancel }}
      >
        {dialog === 'import' && (
          <ImportForm schoolId={schoolId} onCancel={() => setDialog(null)} onDone={() => finish(t.certificates.imported)} />
        )}
      </Modal>
    </Card>
  );
}

function useMemberOptions(schoolId: number) {
  const members = useChannel('members.list', { schoolId });
  return (members.data ?? [])
    .filter((member) => member.active)
    .map((member) => ({ value: String(member.id), label: `${member.name} (${member.roleName})` }));
}

function CreateForm({ schoolId, onCancel, onDone }: { schoolId: number; onCancel: () => void; onDone: () => void }) {
  const members = useMemberOptions(schoolId);
  const create = useChannelMutation('certificates.create');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [memberError, setMemberError] = useState(false);
  return (
    <CertificatePassphraseForm
      label={t.certificates.passphrase}
      description={t.certificates.passphraseHint}
      repeat
      submitLabel={t.certificates.confirm}
      beforeSubmit={() => {
        setMemberError(!memberId);
        return memberId !== null;
      }}
      onSubmit={(passphrase) => create.mutate({ memberId: Number(memberId), passphrase }, { onSuccess: onDone })}
      onCancel={onCancel}
      error={create.error?.message}
      pending={create.isPending}
      autoFocus={false}
    >
      <Select
        label={t.certificates.member}
        required
        data={members}
        value={memberId}
        onChange={setMemberId}
        error={memberError && !memberId ? t.forms.required : undefined}
        data-autofocus
      />
    </CertificatePassphraseForm>
  );
}

function ImportForm({ schoolId, onCancel, onDone }: { schoolId: number; onCancel: () => void; onDone: () => void }) {
  const members = useMemberOptions(schoolId);
  const importFile = useChannelMutation('certificates.import');
  const [memberId, setMemberId] = useState<string | null>(null);
  return (
    <CertificatePassphraseForm
      label={t.certificates.passphrase}
      description={t.certificates.importHint}
      submitLabel={t.certificates.choose}
      onSubmit={(passphrase) =>
        importFile.mutate(
          { schoolId, memberId: memberId ? Number(memberId) : null, passphrase },
          { onSuccess: (result) => result && onDone() },
        )
      }
      onCancel={onCancel}
      error={importFile.error?.message}
      pending={importFile.isPending}
      autoFocus={false}
    >
      <Select
        label={t.certificates.member}
        data={members}
        value={memberId}
        onChange={setMemberId}
        clearable
        placeholder={t.certificates.noMember}
        data-autofocus
      />
    </CertificatePassphraseForm>
  );
}
