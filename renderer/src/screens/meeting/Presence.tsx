import { Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useChannelMutation } from '../../api';
import { t } from '../../i18n';
import type { PresenceRows } from './types';

/**
 * Who is present, absent or excused. Name and role wrap beside the choice, and the
 * choice goes below the name when a long role leaves no room: it is never cut ("Afge…").
 */
export function Presence({ meetingId, presence }: { meetingId: number; presence: PresenceRows }) {
  const set = useChannelMutation('meetings.setPresence');
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t.meetings.presence}
      </Title>
      <Stack gap="xs">
        {presence.map((row) => (
          <Group key={row.memberId} justify="space-between" gap="xs" data-testid="presence-row">
            <Stack gap={0} style={{ flex: '1 1 9rem', minWidth: 0 }}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {row.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {row.roleName}
              </Text>
            </Stack>
            <SegmentedControl
              size="xs"
              style={{ flexShrink: 0 }}
              aria-label={`${t.meetings.presence} ${row.name}`}
              value={row.status ?? ''}
              onChange={(value) => set.mutate({ meetingId, memberId: row.memberId, status: value as 'present' | 'absent' | 'excused' })}
              data={(['present', 'absent', 'excused'] as const).map((status) => ({
                value: status,
                label: t.meetings.presenceStatus[status],
              }))}
            />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
