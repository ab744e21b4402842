import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatShortDate, ownerLabel, t } from '../../i18n';
import type { ChairItemData } from './types';

/**
 * What a projector shows of one agenda item: its title, the hulpvraag, the trekker and
 * its agreements. Never the agenda, other pupils, notes or the safety-concern reason.
 */
export function ProjectedItem({ data, action }: { data: ChairItemData; action?: ReactNode }) {
  const agreements = [...data.carriedOver, ...data.agreements];
  return (
    <Stack p="xl" gap="xl" data-testid="projector">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16, flexWrap: 'wrap' }}>
        <Title order={1} fz={44} style={{ overflowWrap: 'anywhere' }}>
          {data.title}
        </Title>
        {action}
      </div>
      {data.case && (
        <Text fz={26}>
          <Text span fw={700}>
            {t.chair.question}:{' '}
          </Text>
          {data.case.question}
        </Text>
      )}
      {data.case?.leadName && (
        <Text fz={24}>
          {t.chair.lead}: {data.case.leadName}
        </Text>
      )}
      {agreements.length > 0 && (
        <Stack gap="xs">
          <Title order={2}>{t.chair.agreements}</Title>
          {agreements.map((row) => (
            <Text key={row.id} fz={22}>
              • {row.description} — {ownerLabel(row)}, {formatShortDate(row.dueOn)} ({t.chair.statuses[row.status]})
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
