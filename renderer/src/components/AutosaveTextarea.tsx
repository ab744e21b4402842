import { Group, Text, Textarea } from '@mantine/core';
import { IconCheck, IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api';
import { t } from '../i18n';

const DELAY_MS = 500;

/**
 * A text field that saves while typing: each pause commits to the database and
 * only then shows "Opgeslagen". Leaving the field or the screen saves at once.
 */
export function AutosaveTextarea({
  agendaItemId,
  field,
  label,
  initial,
  minRows = 4,
}: {
  agendaItemId: number;
  field: 'notes' | 'summary' | 'conclusions' | 'pupilView';
  label: string;
  initial: string;
  minRows?: number;
}) {
  const [value, setValue] = useState(initial);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const text = pending.current;
    if (text === null) return;
    pending.current = null;
    setState('saving');
    call('chair.saveText', { agendaItemId, field, value: text })
      .then(() => setState(pending.current === null ? 'saved' : 'saving'))
      .catch(() => setState('error'));
  }, [agendaItemId, field]);
  // Save what is still pending when the item or screen is left.
  useEffect(() => () => flush(), [flush]);

  return (
    <div>
      <Textarea
        label={label}
        value={value}
        autosize
        minRows={minRows}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          pending.current = event.currentTarget.value;
          setState('saving');
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, DELAY_MS);
        }}
        onBlur={flush}
      />
      <Group gap={4} mt={4} h={18} aria-live="polite">
        {state === 'saving' && (
          <Text size="xs" c="dimmed">
            {t.chair.saving}
          </Text>
        )}
        {state === 'saved' && (
          <>
            <IconCheck size={14} color="var(--mantine-color-teal-7)" />
            <Text size="xs" c="teal.9" data-testid={`saved-${field}`}>
              {t.chair.saved}
            </Text>
          </>
        )}
        {state === 'error' && (
          <>
            <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" />
            <Text size="xs" c="red.9" role="alert">
              {t.chair.saveFailed}
            </Text>
          </>
        )}
      </Group>
    </div>
  );
}
