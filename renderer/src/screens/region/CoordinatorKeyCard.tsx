import { Alert, Button, Card, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconDownload, IconFileImport, IconKey } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { CertificatePassphraseForm } from '../../components/certificates/CertificatePassphraseForm';
import { CertificateStatusBadge } from '../../components/certificates/CertificateStatusBadge';
import { DialogActions } from '../../components/DialogActions';
import { NewPassphraseFields, useNewPassphrase } from '../../components/passphrase/NewPassphraseFields';
import { QueryState } from '../../components/QueryState';
import { formatShortDate, t } from '../../i18n';
import { Fingerprint } from './Fingerprint';
import { useRegion } from './regionContext';
import { fieldProblem, type RegionKey } from './types';

const s = t.regio.screens.settings;
type Dialog = 'p12' | 'import' | 'create';
const saved = (fileName: string | null) => fileName && notifications.show({ color: 'teal', message: t.exports.saved(fileName) });

/**
 * The coordinator's certificate, which schools encrypt for: what to compare (name, fingerprint,
 * validity), the .pem to hand out, the key as a .p12 (for a second computer or the CLI), a key
 * from elsewhere, or a new certificate. Older keys stay to open late contributions.
 */
export function CoordinatorKeyCard() {
  const keys = useChannel('region.key.info', undefined);
  const exportPem = useChannelMutation('region.key.exportCertificate');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState('');
  const finish = (message: string) => (setDialog(null), setDone(message));
  const active = keys.data?.active ?? null;
  return (
    <Card withBorder component="section" aria-labelledby="coordinator-key-title">
      <Title order={3} id="coordinator-key-title" mb="xs">
        {s.keyTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={900}>
        {s.keyIntro}
      </Text>
      <QueryState query={keys}>
        {(data) => (
          <Stack gap="sm">
            {data.active ? <KeyDetails certificate={data.active} /> : <Alert color="orange">{s.noKey}</Alert>}
            <Group gap="xs">
              <Button
                leftSection={<IconDownload size={18} />}
                disabled={!active}
                loading={exportPem.isPending}
                onClick={() => exportPem.mutate(undefined, { onSuccess: ({ fileName }) => saved(fileName) })}
              >
                {s.savePem}
              </Button>
              <Button variant="light" leftSection={<IconKey size={18} />} disabled={!active} onClick={() => setDialog('p12')}>
                {s.saveP12}
              </Button>
              <Button variant="light" leftSection={<IconFileImport size={18} />} onClick={() => setDialog('import')}>
                {s.importP12}
              </Button>
              <Button variant="light" leftSection={<IconCertificate size={18} />} onClick={() => setDialog('create')}>
                {s.createKey}
              </Button>
            </Group>
            {exportPem.error && (
              <Text size="sm" c="red.9" role="alert">
                {exportPem.error.message}
              </Text>
            )}
            {done && (
              <Text size="sm" c="teal.9" role="status">
                {done}
              </Text>
            )}
            {data.keys.some((key) => !key.active) && (
              <Stack gap="xs" mt="xs">
                <Title order={4}>{s.olderKeys}</Title>
                <Text size="sm" c="dimmed">
                  {s.olderKeysText}
                </Text>
                {data.keys
                  .filter((key) => !key.active)
                  .map((key) => (
                    <Paper withBorder p="xs" key={key.id}>
                      <KeyDetails certificate={key} />
                    </Paper>
                  ))}
              </Stack>
            )}
          </Stack>
        )}
      </QueryState>
      <KeyDialog opened={dialog === 'p12'} title={s.saveP12} onClose={() => setDialog(null)}>
        <P12Form keyName={active?.name ?? ''} onCancel={() => setDialog(null)} onDone={() => setDialog(null)} />
      </KeyDialog>
      <KeyDialog opened={dialog === 'import'} title={s.importP12} onClose={() => setDialog(null)}>
        <ImportForm onCancel={() => setDialog(null)} onDone={() => finish(s.imported)} />
      </KeyDialog>
      <KeyDialog opened={dialog === 'create'} title={s.createKey} onClose={() => setDialog(null)}>
        <CreateForm name={active?.name ?? ''} onCancel={() => setDialog(null)} onDone={() => finish(s.created)} />
      </KeyDialog>
    </Card>
  );
}

function KeyDialog({ opened, title, onClose, children }: { opened: boolean; title: string; onClose: () => void; children: ReactNode }) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t.certificates.cancel }}>
      {opened && children}
    </Modal>
  );
}

/** Name, region, fingerprint, validity and status of one key's certificate. */
function KeyDetails({ certificate }: { certificate: RegionKey }) {
  return (
    <Stack gap={6} component="dl" m={0} aria-label={s.keyTitle}>
      <Detail label={s.name}>{certificate.name}</Detail>
      {certificate.organisation && <Detail label={s.organisation}>{certificate.organisation}</Detail>}
      <Detail label={s.fingerprint}>
        <Fingerprint value={certificate.fingerprint} />
      </Detail>
      <Detail label={s.validUntil}>
        <Group gap="xs" component="span">
          {formatShortDate(certificate.notAfter)}
          <CertificateStatusBadge status={certificate.status} />
        </Group>
      </Detail>
    </Stack>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** The key as a .p12 under a new passphrase judged like the database's own (it opens every contribution). */
function P12Form({ keyName, onCancel, onDone }: { keyName: string; onCancel: () => void; onDone: () => void }) {
  const region = useRegion();
  const exportP12 = useChannelMutation('region.key.exportP12');
  const passphrase = useNewPassphrase([region.name, keyName]);
  const refusal = exportP12.error?.error.fields?.find((field) => field.path === 'passphrase')?.message;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!passphrase.check()) return;
        exportP12.mutate({ passphrase: passphrase.value }, { onSuccess: ({ fileName }) => (saved(fileName), onDone()) });
      }}
    >
      <Stack>
        <Text size="sm">{s.p12Text}</Text>
        <NewPassphraseFields state={passphrase} error={refusal} autoFocus />
        <DialogActions
          error={refusal ? null : exportP12.error?.message}
          onCancel={onCancel}
          submitLabel={s.p12Save}
          loading={exportP12.isPending}
          icon={<IconKey size={18} />}
        />
      </Stack>
    </form>
  );
}

function ImportForm({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const importP12 = useChannelMutation('region.key.importP12');
  return (
    <CertificatePassphraseForm
      label={s.importPassphrase}
      description={s.importText}
      submitLabel={s.importChoose}
      onSubmit={(passphrase) => importP12.mutate({ passphrase }, { onSuccess: (result) => result && onDone() })}
      onCancel={onCancel}
      error={importP12.error?.message}
      pending={importP12.isPending}
    />
  );
}

function CreateForm({ name, onCancel, onDone }: { name: string; onCancel: () => void; onDone: () => void }) {
  const create = useChannelMutation('region.key.create');
  const [value, setValue] = useState(name);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ name: value }, { onSuccess: onDone });
      }}
    >
      <Stack>
        <Text size="sm">{s.createText}</Text>
        <TextInput label={s.createName} required value={value} onChange={(event) => setValue(event.currentTarget.value)} data-autofocus />
        <DialogActions
          error={fieldProblem(create.error)}
          onCancel={onCancel}
          submitLabel={s.createButton}
          loading={create.isPending}
          icon={<IconCertificate size={18} />}
        />
      </Stack>
    </form>
  );
}
