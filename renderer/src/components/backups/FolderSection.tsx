import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolder, IconLock } from '@tabler/icons-react';
import type { z } from 'zod';
import type { backupOverview } from '../../../../core/contract/backups';
import { useChannelMutation } from '../../api';
import { b } from './shared';

/** Where the backups go, who chose that folder (IT, the user, the app), and choosing another one. */
export function FolderSection({ overview: data, running }: { overview: z.infer<typeof backupOverview>; running: boolean }) {
  const chooseFolder = useChannelMutation('backups.chooseFolder');
  const resetFolder = useChannelMutation('backups.resetFolder');
  const folderError = chooseFolder.error ?? resetFolder.error;
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {b.folder}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconFolder size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
          {data.folder}
        </Text>
        <Badge
          variant="light"
          color={data.folderSource === 'policy' ? 'gray' : 'indigo'}
          leftSection={data.folderSource === 'policy' ? <IconLock size={12} aria-hidden /> : undefined}
          style={{ flexShrink: 0 }}
        >
          {b.folderSources[data.folderSource]}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {data.folderSource === 'policy' ? b.policyHint : data.folderSource === 'default' ? b.defaultHint : null}
      </Text>
      {data.folderSource !== 'policy' && (
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconFolder size={18} />}
            loading={chooseFolder.isPending}
            disabled={running}
            onClick={() =>
              chooseFolder.mutate(undefined, {
                onSuccess: (chosen) => chosen && notifications.show({ color: 'teal', message: b.folderChosen(chosen.folder) }),
              })
            }
          >
            {b.chooseFolder}
          </Button>
          {data.folderSource === 'user' && (
            <Button
              variant="subtle"
              loading={resetFolder.isPending}
              disabled={running}
              onClick={() =>
                resetFolder.mutate(undefined, { onSuccess: () => notifications.show({ color: 'teal', message: b.folderReset }) })
              }
            >
              {b.resetFolder}
            </Button>
          )}
        </Group>
      )}
      {folderError && (
        <Text size="sm" c="red.9" role="alert">
          {folderError.message}
        </Text>
      )}
    </Stack>
  );
}
