import { Button, Group, Text } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api';
import { t } from '../../i18n';

/** The item's clock against its planned minutes; time spent is saved every 15 seconds and on leaving. */
export function Timer({
  agendaItemId,
  plannedMinutes,
  spentSeconds,
}: {
  agendaItemId: number;
  plannedMinutes: number;
  spentSeconds: number;
}) {
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(spentSeconds);
  const unsaved = useRef(0);
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => {
      setElapsed((value) => value + 1);
      unsaved.current += 1;
      if (unsaved.current >= 15) {
        void call('chair.addTime', { agendaItemId, seconds: unsaved.current });
        unsaved.current = 0;
      }
    }, 1000);
    return () => clearInterval(tick);
  }, [running, agendaItemId]);
  useEffect(
    () => () => {
      if (unsaved.current > 0) void call('chair.addTime', { agendaItemId, seconds: unsaved.current });
    },
    [agendaItemId],
  );
  const over = elapsed > plannedMinutes * 60;
  const clock = `${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, '0')}`;
  return (
    <Group gap="xs" aria-label={t.chair.timer}>
      <Text fz="xl" fw={700} c={over ? 'red.9' : undefined} ff="monospace">
        {clock} / {plannedMinutes}:00
      </Text>
      <Button
        size="xs"
        variant="light"
        onClick={() => setRunning(!running)}
        leftSection={running ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />}
      >
        {running ? t.chair.pauseTimer : t.chair.startTimer}
      </Button>
    </Group>
  );
}
