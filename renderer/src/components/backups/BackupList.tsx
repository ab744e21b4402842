import { Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconHelpCircle, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import type { z } from 'zod';
import type { BackupEntry, backupStatus } from '../../../../core/contract/backups';
import { useChannelMutation } from '../../api';
import { formatMoment } from '../../i18n';
import { b } from './shared';

type Status = z.infer<typeof backupStatus>;

/** This installation's backups, newest first, each to check or to restore. */
export function BackupList({
  backups,
  running,
  onRestore,
}: {
  backups: BackupEntry[];
  running: boolean;
  onRestore: (backup: BackupEntry) => void;
}) {
  const verify = useChannelMutation('backups.verify');
  const check = (backup: BackupEntry) =>
    verify.mutate(
      { name: backup.name },
      {
        onSuccess: (entry) =>
          notifications.show(
            entry.status === 'ok'
              ? { color: 'teal', message: b.verified(formatMoment(entry.createdAt)) }
              : { color: 'red', message: b.verifiedDamaged(formatMoment(entry.createdAt)) },
          ),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  return backups.length === 0 ? (
    <Text c="dimmed">{b.empty}</Text>
  ) : (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} fz="sm" aria-label={b.table} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{b.columns.createdAt}</Table.Th>
            <Table.Th>{b.columns.kind}</Table.Th>
            <Table.Th ta="right">{b.columns.size}</Table.Th>
            <Table.Th>{b.columns.status}</Table.Th>
            <Table.Th>{b.columns.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => {
            const moment = formatMoment(backup.createdAt);
            const kind = b.kinds[backup.kind];
            return (
              <Table.Tr key={backup.name}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{moment}</Table.Td>
                <Table.Td>{kind}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {b.size(backup.bytes)}
                </Table.Td>
                <Table.Td>
                  <BackupStatus status={backup.status} verifiedAt={backup.verifiedAt} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconShieldCheck size={16} />}
                      aria-label={b.verifyFor(moment, kind)}
                      loading={verify.isPending && verify.variables?.name === backup.name}
                      disabled={running}
                      onClick={() => check(backup)}
                    >
                      {b.verify}
                    </Button>
                    {backup.status !== 'damaged' && (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconRestore size={16} />}
                        aria-label={b.restoreFor(moment, kind)}
                        disabled={running}
                        onClick={() => onRestore(backup)}
                      >
                        {b.restore}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const statusIcons = { ok: IconCircleCheck, damaged: IconAlertTriangle, unverified: IconHelpCircle } as const;
const statusColors = { ok: 'teal.9', damaged: 'red.9', unverified: 'gray.7' } as const;

/** The check result in words with an icon (never colour alone). */
function BackupStatus({ status, verifiedAt }: { status: Status; verifiedAt: string | null }) {
  const Icon = statusIcons[status];
  return (
    <Group gap={6} wrap="nowrap" c={statusColors[status]} title={verifiedAt ? b.verifiedAt(formatMoment(verifiedAt)) : undefined}>
      <Icon size={16} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm" fw={status === 'damaged' ? 600 : undefined} inherit>
        {b.statuses[status]}
      </Text>
    </Group>
  );
}
