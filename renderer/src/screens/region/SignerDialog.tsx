import { Alert, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconUserCheck, IconUserX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { regionSchoolName } from '../../../../core/contract/region';
import { useChannel, useChannelMutation } from '../../api';
import { t } from '../../i18n';
import { DialogActions } from '../../components/DialogActions';
import { Fingerprint } from './Fingerprint';
import { periodLabel } from './periodLabel';
import type { FileResult, PendingSigner } from './types';

const s = t.regio.screens.signer;
/**
 * Runs `then` when the decision is stored, even though this form is gone by then: the refreshed
 * list of waiting files already shows the next signer (a callback given to mutate would not run).
 * A refusal shows through the mutation's error.
 */
function settle<T>(decision: Promise<T>, then: (value: T) => void): void {
  decision.then(then, () => undefined);
}
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/**
 * A signer seen for the first time: the school's name from the file, who signed it and the key's
 * fingerprint to compare with the school, and which school of the region it is. Only after
 * "Afzender vertrouwen" are its files stored; "Niet vertrouwen" drops them.
 */
export function SignerDialog({
  signer,
  onTrusted,
  onDismissed,
  onClose,
}: {
  signer: PendingSigner;
  onTrusted: (signer: PendingSigner, schoolName: string, results: FileResult[]) => void;
  onDismissed: (signer: PendingSigner) => void;
  onClose: () => void;
}) {
  return (
    <Modal opened onClose={onClose} title={s.title} size="lg" centered closeButtonProps={{ 'aria-label': t.app.close }}>
      {/* A new form for each signer: nothing chosen for the previous one stays. */}
      <SignerForm key={signer.fingerprint} signer={signer} onTrusted={onTrusted} onDismissed={onDismissed} />
    </Modal>
  );
}

function SignerForm({
  signer,
  onTrusted,
  onDismissed,
}: {
  signer: PendingSigner;
  onTrusted: (signer: PendingSigner, schoolName: string, results: FileResult[]) => void;
  onDismissed: (signer: PendingSigner) => void;
}) {
  const schools = useChannel('region.schools.list', undefined);
  const areas = useChannel('region.areas.list', undefined);
  const accept = useChannelMutation('region.contributions.acceptSigner');
  const dismiss = useChannelMutation('region.contributions.dismissPending');
  const known = schools.data?.find((school) => sameName(school.name, signer.schoolName));
  const [choice, setChoice] = useState<'existing' | 'new' | null>(null);
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [newName, setNewName] = useState(signer.schoolName);
  const [areaId, setAreaId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Until the coordinator chooses: the school of the same name if the region has one, else a new school.
  const shownChoice = choice ?? (known ? 'existing' : 'new');
  const shownSchoolId = schoolId ?? (known ? String(known.id) : null);
  const first = signer.files[0];

  const trust = () => {
    setProblem(null);
    if (shownChoice === 'existing') {
      if (!shownSchoolId) return setProblem(s.schoolRequired);
      const school = schools.data?.find((row) => String(row.id) === shownSchoolId);
      settle(accept.mutateAsync({ pendingId: first.pendingId, regionSchoolId: Number(shownSchoolId) }), ({ results }) =>
        onTrusted(signer, school?.name ?? '', results),
      );
      return;
    }
    const name = regionSchoolName.safeParse(newName);
    if (!name.success) return setProblem(name.error.issues[0].message);
    settle(
      accept.mutateAsync({ pendingId: first.pendingId, newSchoolName: name.data, areaId: areaId ? Number(areaId) : null }),
      ({ results }) => onTrusted(signer, name.data, results),
    );
  };
  const serverProblem = accept.error?.error.fields?.[0]?.message ?? accept.error?.message ?? dismiss.error?.message;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        trust();
      }}
    >
      <Stack>
        <Alert color="yellow" variant="light">
          <Text size="sm">{t.regio.contributions.outcome.unknownSigner}</Text>
        </Alert>
        <Stack gap={6} component="dl" m={0}>
          <Field label={s.schoolInFile}>{signer.schoolName}</Field>
          <Field label={s.signedBy}>{signer.subject}</Field>
          <Field label={s.fingerprint}>
            <Fingerprint value={signer.fingerprint} size="md" />
          </Field>
          <Field label={s.files}>
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {signer.files.map((file) => (
                <Text component="li" size="sm" key={file.pendingId} style={{ overflowWrap: 'anywhere' }}>
                  {file.fileName} ({periodLabel(file.period)})
                </Text>
              ))}
            </Stack>
          </Field>
        </Stack>
        <Radio.Group label={s.belongsTo} value={shownChoice} onChange={(value) => setChoice(value as 'existing' | 'new')}>
          <Stack gap="xs" mt={6}>
            <Radio value="existing" label={s.existing} disabled={(schools.data ?? []).length === 0} />
            <Radio value="new" label={s.newSchool} />
          </Stack>
        </Radio.Group>
        {shownChoice === 'existing' ? (
          <Select
            label={s.school}
            required
            searchable
            data={(schools.data ?? []).map((school) => ({ value: String(school.id), label: school.name }))}
            value={shownSchoolId}
            onChange={setSchoolId}
            allowDeselect={false}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label={s.newSchoolName} required value={newName} onChange={(event) => setNewName(event.currentTarget.value)} />
            <Select
              label={s.newSchoolArea}
              data={(areas.data ?? []).map((area) => ({ value: String(area.id), label: area.name }))}
              value={areaId}
              onChange={setAreaId}
              clearable
            />
          </SimpleGrid>
        )}
        <DialogActions
          error={problem ?? serverProblem}
          onCancel={() => settle(dismiss.mutateAsync({ pendingId: first.pendingId }), () => onDismissed(signer))}
          cancelLabel={s.distrust}
          cancelIcon={<IconUserX size={18} />}
          submitLabel={s.trust}
          icon={<IconUserCheck size={18} />}
          loading={accept.isPending}
          cancelDisabled={accept.isPending || dismiss.isPending}
        />
      </Stack>
    </form>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
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
