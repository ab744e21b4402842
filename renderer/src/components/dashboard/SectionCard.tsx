import { Badge, Box, Card, Group, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, type Icon } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { t } from '../../i18n';

/**
 * One block of the start screen: a named region whose heading carries the
 * number of items, with a friendly line instead of an empty list.
 */
export function SectionCard({
  title,
  count,
  icon: SectionIcon,
  color,
  empty,
  children,
}: {
  title: string;
  count: number;
  icon: Icon;
  /** The colour of the icon and count while there is something to do. */
  color: string;
  empty: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Group gap="sm" mb="md" wrap="nowrap">
        <ThemeIcon variant="light" color={count > 0 ? color : 'teal'} size="lg" radius="xl" aria-hidden>
          <SectionIcon size={18} />
        </ThemeIcon>
        <Title order={3} size="h4" id={id}>
          {title}
          <VisuallyHidden> {t.dashboard.count(count)}</VisuallyHidden>
        </Title>
        <Badge variant="light" color={count > 0 ? color : 'gray'} size="lg" circle={count < 10} aria-hidden>
          {count}
        </Badge>
      </Group>
      {count === 0 ? (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconCircleCheck size={18} color="var(--mantine-color-teal-8)" aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
          <Text c="dimmed">{empty}</Text>
        </Group>
      ) : (
        children
      )}
    </Card>
  );
}

/** A list without bullets whose items are spaced and separated by a thin line. */
export function ItemList({ children, labelledBy }: { children: ReactNode; labelledBy?: string }) {
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={labelledBy}>
      {children}
    </Box>
  );
}

/** One entry of an ItemList; every entry but the first has a line above it. */
export function Item({ first, children }: { first: boolean; children: ReactNode }) {
  return (
    <Box component="li" pt={first ? 0 : 10} pb={10} style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      {children}
    </Box>
  );
}
