import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconUser, IconUsers, type Icon } from '@tabler/icons-react';
import { useId } from 'react';
import { Link } from 'react-router';
import type { Output } from '../../../../core/contract/contract';
import { formatShortDate, t } from '../../i18n';
import { ItemList, SectionCard } from './SectionCard';

type Items = Output<'dashboard.items'>;
type OwnerGroup = Items['agreements']['overdue'][number];
type Agreement = OwnerGroup['agreements'][number];

/** Open agreements grouped by owner; each links to where it is resolved. */
export function AgreementsCard({
  title,
  empty,
  groups,
  icon,
  color,
  today,
  nextMeetingId,
}: {
  title: string;
  empty: string;
  groups: OwnerGroup[];
  icon: Icon;
  color: string;
  today: string;
  nextMeetingId: number | null;
}) {
  const count = groups.reduce((sum, group) => sum + group.agreements.length, 0);
  return (
    <SectionCard title={title} count={count} icon={icon} color={color} empty={empty}>
      <Stack gap="md">
        {groups.map((group) => (
          <OwnerAgreements
            key={`${group.ownerKind}:${group.ownerMemberId ?? group.owner}`}
            group={group}
            today={today}
            nextMeetingId={nextMeetingId}
          />
        ))}
      </Stack>
    </SectionCard>
  );
}

function OwnerAgreements({ group, today, nextMeetingId }: { group: OwnerGroup; today: string; nextMeetingId: number | null }) {
  const id = useId();
  const OwnerIcon = group.ownerKind === 'member' ? IconUser : IconUsers;
  return (
    <div>
      <Group gap={6} mb={4}>
        <OwnerIcon size={16} aria-hidden color="var(--mantine-color-gray-7)" />
        <Title order={4} size="h6" id={id}>
          {group.owner}
        </Title>
      </Group>
      <ItemList
        items={group.agreements}
        itemKey={(agreement) => agreement.agreementId}
        labelledBy={id}
        render={(agreement) => <AgreementLine agreement={agreement} today={today} nextMeetingId={nextMeetingId} />}
      />
    </div>
  );
}

function AgreementLine({ agreement, today, nextMeetingId }: { agreement: Agreement; today: string; nextMeetingId: number | null }) {
  const { caseId, pupilName, description } = agreement;
  const target = caseId !== null ? `/casussen/${caseId}` : `/overleggen/${agreement.meetingId}`;
  const name = caseId !== null && pupilName ? t.dashboard.toCase(description, pupilName) : t.dashboard.toGeneralItem(description);
  const postponed =
    agreement.postponements > 0 ? t.dashboard.postponed(agreement.postponements, formatShortDate(agreement.originalDueOn)) : null;
  return (
    <Stack gap={2}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Anchor component={Link} to={target} aria-label={name} fw={500}>
          {description}
        </Anchor>
        {agreement.daysOverdue > 0 && (
          <Badge variant="light" color="red" size="sm" mt={3} style={{ flexShrink: 0 }}>
            {t.dashboard.daysOverdue(agreement.daysOverdue)}
          </Badge>
        )}
        {agreement.dueOn === today && (
          <Badge variant="light" color="orange" size="sm" mt={3} style={{ flexShrink: 0 }}>
            {t.dashboard.dueToday}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {[pupilName ?? t.dashboard.generalAgreement, t.dashboard.dueOn(formatShortDate(agreement.dueOn)), postponed]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {agreement.nextAgendaItemId !== null && nextMeetingId !== null && (
        <Anchor
          component={Link}
          to={`/overleggen/${nextMeetingId}/voorzitten/${agreement.nextAgendaItemId}`}
          aria-label={t.dashboard.chairItemFor(pupilName ?? description)}
          size="sm"
        >
          <IconPlayerPlay size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
          {t.dashboard.chairItem}
        </Anchor>
      )}
    </Stack>
  );
}
