import { Chip, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { t } from '../../i18n';
import { useSchool } from '../../school';
import { Section } from './Section';
import type { ChairItemData } from './types';

/** Success factors and obstacles of this discussion, saved on each click (for monitoring). */
export function Tags({ item }: { item: ChairItemData }) {
  const { current } = useSchool();
  const tags = useChannel('tags.list', { schoolId: current.id });
  const save = useChannelMutation('chair.setTags');
  const [selected, setSelected] = useState(item.tagIds.map(String));
  const group = (kind: 'success_factor' | 'obstacle', label: string) => (
    <>
      <Text size="sm" fw={600} mt="xs">
        {label}
      </Text>
      <Group gap={6} mt={4}>
        {(tags.data ?? [])
          .filter((tag) => tag.kind === kind)
          .map((tag) => (
            <Chip key={tag.id} value={String(tag.id)} size="xs" color={kind === 'obstacle' ? 'red' : 'teal'}>
              {tag.name}
            </Chip>
          ))}
      </Group>
    </>
  );
  return (
    <Section title={t.chair.tags}>
      <Chip.Group
        multiple
        value={selected}
        onChange={(values) => {
          setSelected(values);
          save.mutate({ agendaItemId: item.id, tagIds: values.map(Number) });
        }}
      >
        {group('success_factor', t.chair.successFactors)}
        {group('obstacle', t.chair.obstacles)}
      </Chip.Group>
    </Section>
  );
}
