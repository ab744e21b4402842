import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeDocx } from '@tabler/icons-react';
import type { z } from 'zod';
import type { exportRequest } from '../../../core/contract/entities';
import { useChannelMutation } from '../api';
import { t } from '../i18n';

/** Builds a DOCX in main and lets the user save it; says where it went or why not. */
export function ExportButton({ request, label, ...props }: { request: z.input<typeof exportRequest>; label: string } & ButtonProps) {
  const save = useChannelMutation('documents.export');
  return (
    <Button
      variant="light"
      leftSection={<IconFileTypeDocx size={18} />}
      loading={save.isPending}
      onClick={() =>
        save.mutate(request, {
          onSuccess: ({ fileName }) => fileName && notifications.show({ color: 'teal', message: t.exports.saved(fileName) }),
          onError: (error) => notifications.show({ color: 'red', message: error.message }),
        })
      }
      {...props}
    >
      {label}
    </Button>
  );
}
