import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconFolderOpen, IconUserQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { QueryState } from '../../components/QueryState';
import { t } from '../../i18n';
import { DeliveryMatrix } from './DeliveryMatrix';
import { ImportResults } from './ImportResults';
import { SignerDialog } from './SignerDialog';
import { pendingSigners, type FileResult, type PendingSigner, type ShownResult } from './types';

const s = t.regio.screens.overview;

/**
 * The coordinator's start screen: which school delivered for which period, importing new
 * contributions (files or a whole folder) with what became of each file, and the confirmation
 * of a signer seen for the first time before anything of it is stored.
 */
export function RegionOverview() {
  const info = useChannel('region.info', undefined);
  const overview = useChannel('region.overview', undefined);
  const pending = useChannel('region.contributions.pending', undefined);
  const importFiles = useChannelMutation('region.contributions.import');
  const [shown, setShown] = useState<{ results: ShownResult[]; ignored: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const signers = pendingSigners(pending.data ?? []);

  const read = (from: 'files' | 'folder') =>
    importFiles.mutate(
      { from },
      {
        onSuccess: (imported) => {
          if (!imported) return;
          setShown(imported);
          if (imported.results.some((result) => result.outcome === 'unknownSigner')) setConfirming(true);
        },
      },
    );
  // A signer's waiting files in the list take the outcome of the decision.
  const decided = (signer: PendingSigner, replace: (result: ShownResult) => ShownResult[]) =>
    setShown(
      (current) =>
        current && {
          ...current,
          results: current.results.flatMap((result) => (result.signer?.fingerprint === signer.fingerprint ? replace(result) : [result])),
        },
    );
  const trusted = (signer: PendingSigner, schoolName: string, results: FileResult[]) => {
    const byFile = new Map(results.map((result) => [result.fileName, result]));
    decided(signer, (result) => [byFile.get(result.fileName) ?? result]);
    notifications.show({ color: 'teal', message: t.regio.screens.signer.trusted(schoolName) });
    if (signers.length <= 1) setConfirming(false);
  };
  const dismissed = (signer: PendingSigner) => {
    decided(signer, (result) => [{ ...result, dismissed: true }]);
    if (signers.length <= 1) setConfirming(false);
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={2}>{s.title}</Title>
          {info.data && <Text c="dimmed">{s.summary(info.data.schools, info.data.areas, info.data.contributions)}</Text>}
        </Stack>
        <Group gap="xs">
          <Button
            leftSection={<IconFileImport size={18} />}
            onClick={() => read('files')}
            loading={importFiles.isPending && importFiles.variables?.from === 'files'}
          >
            {s.importFiles}
          </Button>
          <Button
            variant="light"
            leftSection={<IconFolderOpen size={18} />}
            onClick={() => read('folder')}
            loading={importFiles.isPending && importFiles.variables?.from === 'folder'}
          >
            {s.importFolder}
          </Button>
        </Group>
      </Group>
      <Text maw={900}>{s.intro}</Text>
      {importFiles.error && (
        <Alert color="red" role="alert">
          {importFiles.error.message}
        </Alert>
      )}
      {signers.length > 0 && (
        <Alert color="yellow" icon={<IconUserQuestion aria-hidden />} title={t.regio.screens.pending.title(pending.data?.length ?? 0)}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t.regio.screens.pending.text}</Text>
            <Button size="compact-md" variant="white" color="dark" onClick={() => setConfirming(true)}>
              {t.regio.screens.pending.button}
            </Button>
          </Stack>
        </Alert>
      )}
      {shown && <ImportResults results={shown.results} ignored={shown.ignored} onClose={() => setShown(null)} />}
      <QueryState query={overview}>
        {(data) => (data.periods.length === 0 ? <Text c="dimmed">{s.empty}</Text> : <DeliveryMatrix overview={data} />)}
      </QueryState>
      {confirming && signers.length > 0 && (
        <SignerDialog signer={signers[0]} onTrusted={trusted} onDismissed={dismissed} onClose={() => setConfirming(false)} />
      )}
    </Stack>
  );
}
