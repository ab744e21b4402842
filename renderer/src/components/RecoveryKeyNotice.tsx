import { Alert, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconPrinter } from '@tabler/icons-react';
import { t } from '../i18n';

/** Shows the recovery key once, to print or copy by hand; the app never shows it again. */
export function RecoveryKeyNotice({ recoveryKey, onStored }: { recoveryKey: string; onStored: () => void }) {
  return (
    <Stack maw={640} mx="auto" py="xl" px="md">
      <Title order={1}>{t.lock.recoveryTitle}</Title>
      <Alert color="yellow" icon={<IconKey />}>
        <Text>{t.lock.recoveryIntro}</Text>
      </Alert>
      <Code block fz="lg" data-testid="recovery-key" style={{ letterSpacing: '0.08em', whiteSpace: 'pre-wrap' }}>
        {recoveryKey}
      </Code>
      <Group justify="flex-end">
        <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>
          {t.lock.print}
        </Button>
        <Button onClick={onStored}>{t.lock.stored}</Button>
      </Group>
    </Stack>
  );
}
