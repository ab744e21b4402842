import { Progress, Stack, Text } from '@mantine/core';
import type { z } from 'zod';
import type { backupProgress } from '../../../../core/contract/backups';
import { b } from './shared';

type Progress = z.infer<typeof backupProgress>;

/** A running backup: what is happening, and once its size is known a labelled progress bar and how far it is in kB/MB. */
export function BackupProgressBar({ progress, label }: { progress: Progress | null | undefined; label: string }) {
  const percent = progress && progress.totalBytes > 0 ? Math.min(100, Math.round((progress.doneBytes / progress.totalBytes) * 100)) : 0;
  return (
    <Stack gap={4} maw={480}>
      <Text size="sm" role="status">
        {label}
      </Text>
      {progress && progress.totalBytes > 0 && (
        <>
          <Progress value={percent} aria-label={b.progressLabel} size="lg" animated />
          <Text size="xs" c="dimmed">
            {b.progressBytes(b.size(progress.doneBytes), b.size(progress.totalBytes))}
          </Text>
        </>
      )}
    </Stack>
  );
}
