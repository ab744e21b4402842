import { Group, Text, Title } from '@mantine/core';

/** A list screen's heading with how many rows it holds: with a long virtualized list, the scrollbar alone does not tell. */
export function ListTitle({ title, count }: { title: string; count?: string }) {
  return (
    <Group gap="sm" align="baseline">
      <Title order={2}>{title}</Title>
      {count && <Text c="dimmed">{count}</Text>}
    </Group>
  );
}
