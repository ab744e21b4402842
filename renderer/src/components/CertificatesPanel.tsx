import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Group, Modal, PasswordInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconCertificate, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { certificateCreate } from '../../../core/contract/entities';
import { useChannel, useChannelMutation } from '../api';
import { formatShortDate, t } from '../i18n';
import { DialogActions } from './DialogActions';
import { QueryState } from './QueryState';

// The form adds a repeat field to the contract's schema: only the renderer needs it.
const createForm = certificateCreate
  .extend({ repeat: z.string() })
  .refine((values) => values.passphrase === values.repeat, { path: ['repeat'], error: t.certificates.passphraseMismatch });
type CreateValues = z.input<typeof createForm>;

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
    <Card withBorder>
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
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.team.name}</Table.Th>
                  <Table.Th>{t.team.role}</Table.Th>
                  <Table.Th>{t.certificates.member}</Table.Th>
                  <Table.Th>{t.certificates.validUntil}</Table.Th>
                  <Table.Th>{t.certificates.fingerprint}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((certificate) => (
                  <Table.Tr key={certificate.id}>
                    <Table.Td fw={600}>{certificate.name}</Table.Td>
                    <Table.Td>{certificate.role || '—'}</Table.Td>
                    <Table.Td>{certificate.memberName ?? t.certificates.noMember}</Table.Td>
                    <Table.Td>{formatShortDate(certificate.notAfter.slice(0, 10))}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text size="xs" ff="monospace" title={certificate.fingerprint}>
                          {certificate.fingerprint.slice(0, 23)}…
                        </Text>
                        <Badge variant="light" color={certificate.source === 'created' ? 'indigo' : 'teal'}>
                          {t.certificates.source[certificate.source]}
                        </Badge>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
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
  const form = useForm<CreateValues>({ resolver: zodResolver(createForm), defaultValues: { passphrase: '', repeat: '' } });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async ({ memberId, passphrase }) => {
    await create.mutateAsync({ memberId, passphrase });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Controller
          control={form.control}
          name="memberId"
          render={({ field }) => (
            <Select
              label={t.certificates.member}
              required
              data={members}
              value={field.value ? String(field.value) : null}
              onChange={(value) => field.onChange(value ? Number(value) : undefined)}
              error={errors.memberId && t.forms.required}
              data-autofocus
            />
          )}
        />
        <PasswordInput
          label={t.certificates.passphrase}
          description={t.certificates.passphraseHint}
          required
          {...form.register('passphrase')}
          error={errors.passphrase?.message}
        />
        <PasswordInput label={t.certificates.passphraseRepeat} required {...form.register('repeat')} error={errors.repeat?.message} />
        <DialogActions
          error={create.error?.message}
          onCancel={onCancel}
          submitLabel={t.certificates.confirm}
          loading={form.formState.isSubmitting}
        />
      </Stack>
    </form>
  );
}

function ImportForm({ schoolId, onCancel, onDone }: { schoolId: number; onCancel: () => void; onDone: () => void }) {
  const members = useMemberOptions(schoolId);
  const importFile = useChannelMutation('certificates.import');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        importFile.mutate(
          { schoolId, memberId: memberId ? Number(memberId) : null, passphrase },
          { onSuccess: (result) => result && onDone() },
        );
      }}
    >
      <Stack>
        <Select
          label={t.certificates.member}
          data={members}
          value={memberId}
          onChange={setMemberId}
          clearable
          placeholder={t.certificates.noMember}
          data-autofocus
        />
        <PasswordInput
          label={t.certificates.passphrase}
          description={t.certificates.importHint}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
        />
        <DialogActions
          error={importFile.error?.message}
          onCancel={onCancel}
          submitLabel={t.certificates.choose}
          loading={importFile.isPending}
        />
      </Stack>
    </form>
  );
}
