import { Anchor, Stack, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Output } from '../../../../core/contract/contract';
import { formatShortDate, t } from '../../i18n';
import { ItemList, SectionCard } from './SectionCard';

type Item = Output<'dashboard.items'>['parentCopies'][number];
const p = t.participation;

/** Ouderversies for parents who were not at the discussion, not yet recorded as sent: each opens its meeting. */
export function ParentCopiesCard({ items }: { items: Item[] }) {
  return (
    <SectionCard title={p.dashboard.title} count={items.length} icon={IconMailForward} color="orange" empty={p.dashboard.none}>
      <ItemList
        items={items}
        itemKey={(item) => `${item.meetingId}:${item.caseId}`}
        render={(item) => (
          <Stack gap={2}>
            <Anchor
              component={Link}
              to={`/overleggen/${item.meetingId}`}
              aria-label={p.dashboard.openMeeting(item.pupilName, formatShortDate(item.meetingDate))}
              fw={600}
            >
              {item.pupilName}
            </Anchor>
            <Text size="sm" c="dimmed">
              {[
                item.groupName,
                p.dashboard.detail(formatShortDate(item.meetingDate)),
                `${p.copies.parents}: ${item.parentsPresent ? p.parentsOptions[item.parentsPresent].toLowerCase() : p.notRecorded.toLowerCase()}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        )}
      />
    </SectionCard>
  );
}
