import { Badge, Box, Button, Card, Group, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, type Icon } from '@tabler/icons-react';
import { useId, useState, type Key, type ReactNode } from 'react';
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

/** How many entries a list on the start screen shows before "Toon alle": a school with years of open work stays readable, and quick to draw. */
export const SHOWN_AT_FIRST = 8;

/**
 * A list without bullets whose entries are spaced and separated by a thin
 * line; beyond SHOWN_AT_FIRST the rest waits behind a "show all" button.
 */
export function ItemList<T>({
  items,
  itemKey,
  render,
  labelledBy,
}: {
  items: readonly T[];
  itemKey: (item: T) => Key;
  render: (item: T) => ReactNode;
  labelledBy?: string;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={labelledBy}>
        {shown.map((item, index) => (
          <Box
            component="li"
            key={itemKey(item)}
            pt={index === 0 ? 0 : 10}
            pb={10}
            style={index === 0 ? undefined : { borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            {render(item)}
          </Box>
        ))}
      </Box>
      {items.length > SHOWN_AT_FIRST && (
        <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t.dashboard.showFewer : t.dashboard.showAll(items.length)}
        </Button>
      )}
    </>
  );
}
