import { Alert, Button, Card, Center, Code, Container, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseX, IconInfoCircle, IconRefresh, IconRestore } from '@tabler/icons-react';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import type { BackupEntry } from '../../../core/contract/backups';
import { useChannelMutation } from '../api';
import { notifyRestored } from '../components/backups/notifyRestored';
import { formatMoment, t } from '../i18n';

const d = t.backups.damaged;

/**
 * The data file failed its check at start. Nothing of it is shown or changed:
 * a calm explanation, and the newest good backup to restore (the damaged file
 * is put aside, never overwritten), or where MDO looked when there is none.
 */
export function DamagedDatabase({ newestGood, backupFolder }: { newestGood: BackupEntry | null; backupFolder: string }) {
  const client = useQueryClient();
  // Restoring invalidates every query: app.info is read again and opens the app.
  const restore = useChannelMutation('backups.restore');
  const looking = useIsFetching({ queryKey: ['app.info'] }) > 0;
  return (
    <Center mih="100vh" bg="gray.0">
      <Container size={620} w="100%" py="xl">
        <Card withBorder padding="xl">
          <Stack>
            <Title order={1} size="h2">
              <IconDatabaseX size={26} aria-hidden style={{ verticalAlign: '-3px', marginRight: 8 }} />
              {d.title}
            </Title>
            <Text>{d.intro}</Text>
            <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {d.untouched}
            </Alert>
            {newestGood ? (
              <>
                <Text>{d.newest(formatMoment(newestGood.createdAt), t.backups.kinds[newestGood.kind])}</Text>
                <FolderLine folder={backupFolder} />
                {restore.error && (
                  <Text c="red.9" role="alert">
                    {restore.error.message}
                  </Text>
                )}
                <Button
                  size="md"
                  leftSection={<IconRestore size={20} />}
                  loading={restore.isPending}
                  onClick={() =>
                    restore.mutate(
                      { name: newestGood.name },
                      { onSuccess: (result) => notifyRestored(formatMoment(newestGood.createdAt), result) },
                    )
                  }
                >
                  {d.restore(formatMoment(newestGood.createdAt))}
                </Button>
              </>
            ) : (
              <>
                <Text fw={600}>{d.noBackup}</Text>
                <FolderLine folder={backupFolder} />
                <Text>{d.askIt}</Text>
                <Button
                  variant="default"
                  leftSection={<IconRefresh size={18} />}
                  loading={looking}
                  onClick={() => void client.invalidateQueries({ queryKey: ['app.info'] })}
                >
                  {d.lookAgain}
                </Button>
              </>
            )}
          </Stack>
        </Card>
      </Container>
    </Center>
  );
}

function FolderLine({ folder }: { folder: string }) {
  return (
    <Text size="sm">
      {d.folder}:{' '}
      <Code fz="sm" style={{ wordBreak: 'break-all' }}>
        {folder}
      </Code>
    </Text>
  );
}
