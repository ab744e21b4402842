import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useChannelMutation } from '../../api';
import { formatShortDate, ownerLabel, t } from '../../i18n';
import type { ChairItemData } from './types';

type AgreementRow = ChairItemData['agreements'][number];

/**
 * Agreements as rows that wrap instead of a four-column table: the status buttons
 * move below the text when the column is narrow (1280×720 at 150 %, 200 % zoom),
 * so "Niet gedaan" and "Uitstellen" can always be seen and reached.
 * With `actions`, open agreements of earlier meetings can be marked done, not done, or postponed.
 */
export function AgreementList({ rows, actions, label }: { rows: AgreementRow[]; actions: boolean; label: string }) {
  const setStatus = useChannelMutation('agreements.setStatus');
  const postpone = useChannelMutation('agreements.postpone');
  const [postponing, setPostponing] = useState<number | null>(null);
  const [newDue, setNewDue] = useState('');
  return (
    <Stack gap={6} role="list" aria-label={label}>
      {rows.map((row) => (
        <Paper key={row.id} withBorder p="xs" role="listitem">
          <Group justify="space-between" align="flex-start" gap="xs">
            <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {row.description}
              </Text>
              <Text size="xs" c="dimmed">
                {ownerLabel(row)} · {formatShortDate(row.dueOn)}
              </Text>
              {row.postponements > 0 && (
                <Text size="xs" c="orange.9">
                  {t.chair.postponed(row.postponements)}
                </Text>
              )}
            </div>
            <Stack gap={4} align="flex-end" style={{ flex: '0 1 auto', maxWidth: '100%' }}>
              {setStatus.error && setStatus.variables?.agreementId === row.id && (
                <Text c="red.9" size="xs" role="alert">
                  {setStatus.error.message}
                </Text>
              )}
              {actions && row.status === 'open' ? (
                postponing === row.id ? (
                  <Group gap={4} align="flex-start">
                    <TextInput
                      size="xs"
                      type="date"
                      aria-label={t.chair.newDue}
                      value={newDue}
                      onChange={(event) => setNewDue(event.currentTarget.value)}
                      error={postpone.error?.message}
                    />
                    <Button
                      size="compact-sm"
                      onClick={() => postpone.mutate({ agreementId: row.id, dueOn: newDue }, { onSuccess: () => setPostponing(null) })}
                    >
                      {t.chair.postpone}
                    </Button>
                  </Group>
                ) : (
                  <Group gap={4} justify="flex-end">
                    <Button
                      size="compact-sm"
                      color="teal.9"
                      onClick={() => setStatus.mutate({ agreementId: row.id, status: 'done' })}
                      aria-label={`${t.chair.done}: ${row.description}`}
                    >
                      {t.chair.done}
                    </Button>
                    <Button
                      size="compact-sm"
                      color="red"
                      variant="light"
                      onClick={() => setStatus.mutate({ agreementId: row.id, status: 'not_done' })}
                      aria-label={`${t.chair.notDone}: ${row.description}`}
                    >
                      {t.chair.notDone}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setPostponing(row.id)}
                      aria-label={`${t.chair.postpone}: ${row.description}`}
                    >
                      {t.chair.postpone}
                    </Button>
                  </Group>
                )
              ) : (
                <Group gap={4} justify="flex-end">
                  <Badge
                    variant="light"
                    color={row.status === 'done' ? 'teal' : row.status === 'not_done' ? 'red' : 'indigo'}
                    style={{ overflow: 'visible' }}
                  >
                    {t.chair.statuses[row.status]}
                  </Badge>
                  {actions && (
                    <Button size="compact-sm" variant="subtle" onClick={() => setStatus.mutate({ agreementId: row.id, status: 'open' })}>
                      {t.chair.reopen}
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
