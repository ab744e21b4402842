import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconHeartHandshake, IconHourglassHigh, IconPlayerPlay, IconShieldLock, IconUserQuestion } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Output } from '../../../../core/contract/contract';
import { formatShortDate, t } from '../../i18n';
import { ItemList, SectionCard } from './SectionCard';

type Items = Output<'dashboard.items'>;
type CaseLink = Items['casesWithoutLead'][number];
type EffectItem = Items['effectChecks']['overdue'][number];

/**
 * One case: the pupil's name to the case page with an optional short badge
 * beside it, then group, status, details and a status badge, and the chair
 * item when the case is on the next agenda.
 */
function CaseLine({
  item,
  details,
  aside,
  status,
  chairLabel,
  chairName,
  nextMeetingId,
}: {
  item: CaseLink;
  details?: string;
  aside?: ReactNode;
  status?: ReactNode;
  chairLabel?: string;
  chairName?: (pupil: string) => string;
  nextMeetingId?: number | null;
}) {
  return (
    <Stack gap={2}>
      <Group justify="space-between" align="center" wrap="nowrap" gap="sm">
        <Anchor component={Link} to={`/casussen/${item.caseId}`} aria-label={t.dashboard.openCase(item.pupilName)} fw={600}>
          {item.pupilName}
        </Anchor>
        {aside}
      </Group>
      <Group gap={8}>
        <Text size="sm" c="dimmed">
          {[item.groupName, t.cases.statuses[item.status], details].filter(Boolean).join(' · ')}
        </Text>
        {status}
      </Group>
      {chairLabel && chairName && item.nextAgendaItemId !== null && nextMeetingId != null && (
        <Anchor
          component={Link}
          to={`/overleggen/${nextMeetingId}/voorzitten/${item.nextAgendaItemId}`}
          aria-label={chairName(item.pupilName)}
          size="sm"
        >
          <IconPlayerPlay size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
          {chairLabel}
        </Anchor>
      )}
    </Stack>
  );
}

function CaseList<T extends CaseLink>({ items, render, labelledBy }: { items: T[]; render: (item: T) => ReactNode; labelledBy?: string }) {
  return <ItemList items={items} itemKey={(item) => item.caseId} render={render} labelledBy={labelledBy} />;
}

/** Open cases without an active trekker. */
export function CasesWithoutLeadCard({ items, nextMeetingId }: { items: CaseLink[]; nextMeetingId: number | null }) {
  return (
    <SectionCard
      title={t.dashboard.casesWithoutLead}
      count={items.length}
      icon={IconUserQuestion}
      color="red"
      empty={t.dashboard.noCasesWithoutLead}
    >
      <CaseList
        items={items}
        render={(item) => (
          <CaseLine
            item={item}
            nextMeetingId={nextMeetingId}
            chairLabel={t.dashboard.setLead}
            chairName={t.dashboard.setLeadFor}
            aside={
              item.nextAgendaItemId !== null && (
                <Badge variant="light" color="indigo" size="sm">
                  {t.dashboard.onNextAgenda}
                </Badge>
              )
            }
          />
        )}
      />
    </SectionCard>
  );
}

/** Two-week effects not yet recorded: overdue first, then those due this week. */
export function EffectChecksCard({
  overdue,
  dueThisWeek,
  nextMeetingId,
}: {
  overdue: EffectItem[];
  dueThisWeek: EffectItem[];
  nextMeetingId: number | null;
}) {
  return (
    <SectionCard
      title={t.dashboard.effectChecks}
      count={overdue.length + dueThisWeek.length}
      icon={IconHeartHandshake}
      color="orange"
      empty={t.dashboard.noEffectChecks}
    >
      <Stack gap="md">
        <EffectGroup title={t.dashboard.effectOverdue} items={overdue} color="red" nextMeetingId={nextMeetingId} />
        <EffectGroup title={t.dashboard.effectThisWeek} items={dueThisWeek} color="orange" nextMeetingId={nextMeetingId} />
      </Stack>
    </SectionCard>
  );
}

function EffectGroup({
  title,
  items,
  color,
  nextMeetingId,
}: {
  title: string;
  items: EffectItem[];
  color: string;
  nextMeetingId: number | null;
}) {
  const id = useId();
  if (items.length === 0) return null;
  return (
    <div>
      <Title order={4} size="h6" id={id} c={`${color}.9`} mb={4}>
        {title}
      </Title>
      <CaseList
        items={items}
        labelledBy={id}
        render={(item) => (
          <CaseLine
            item={item}
            details={t.dashboard.effectDue(formatShortDate(item.effectDueOn))}
            nextMeetingId={nextMeetingId}
            chairLabel={t.dashboard.chairItem}
            chairName={t.dashboard.chairItemFor}
          />
        )}
      />
    </div>
  );
}

/** Open pupils' cases without any consent decision, with what that means for discussing them. */
export function ConsentMissingCard({ items }: { items: Items['consentMissing'] }) {
  return (
    <SectionCard
      title={t.dashboard.consentMissing}
      count={items.length}
      icon={IconShieldLock}
      color="orange"
      empty={t.dashboard.noConsentMissing}
    >
      <CaseList
        items={items}
        render={(item) => (
          <CaseLine
            item={item}
            details={t.consent.missingFrom(item.gateDetail)}
            status={
              <Badge
                variant="light"
                size="sm"
                color={item.gate === 'needs_consent' ? 'red' : item.gate === 'safety_concern' ? 'orange' : 'gray'}
              >
                {t.dashboard.gate[item.gate]}
              </Badge>
            }
          />
        )}
      />
    </SectionCard>
  );
}

/** Cases open for at least `weeks` weeks, longest first. */
export function LongOpenCard({ items, weeks }: { items: Items['longOpenCases']; weeks: number }) {
  return (
    <SectionCard
      title={t.dashboard.longOpen(weeks)}
      count={items.length}
      icon={IconHourglassHigh}
      color="grape"
      empty={t.dashboard.noLongOpen(weeks)}
    >
      <CaseList
        items={items}
        render={(item) => (
          <CaseLine
            item={item}
            details={t.dashboard.registeredOn(formatShortDate(item.registeredOn))}
            aside={
              <Badge variant="light" color="grape" size="sm">
                {t.dashboard.weeksOpen(item.weeksOpen)}
              </Badge>
            }
          />
        )}
      />
    </SectionCard>
  );
}
