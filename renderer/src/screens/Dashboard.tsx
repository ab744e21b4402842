import { Grid, Stack, Text, Title } from '@mantine/core';
import { IconAlarm, IconCalendarDue } from '@tabler/icons-react';
import { useChannel } from '../api';
import { AgreementsCard } from '../components/dashboard/AgreementsCard';
import { FirstStepsCard, showFirstSteps } from '../components/dashboard/FirstStepsCard';
import { CasesWithoutLeadCard, ConsentMissingCard, EffectChecksCard, LongOpenCard } from '../components/dashboard/CaseCards';
import { NextMeetingCard } from '../components/dashboard/NextMeetingCard';
import { ParentCopiesCard } from '../components/dashboard/ParentCopiesCard';
import { QueryState } from '../components/QueryState';
import { formatLongDate, t } from '../i18n';
import { useSchool } from '../school';

/**
 * Start screen: the next MDO with the state of its agenda, and everything that
 * asks for the IB's attention, each item linking to where it is resolved.
 */
export function Dashboard() {
  const { current } = useSchool();
  const query = useChannel('dashboard.items', { schoolId: current.id });
  const firstSteps = useChannel('dashboard.firstSteps', { schoolId: current.id });
  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={2}>{t.dashboard.title}</Title>
        {query.data && <Text c="dimmed">{t.dashboard.today(formatLongDate(query.data.today))}</Text>}
      </Stack>
      {showFirstSteps(firstSteps.data) && <FirstStepsCard schoolId={current.id} firstSteps={firstSteps.data} />}
      <QueryState query={query}>
        {(data) => {
          const nextMeetingId = data.nextMeeting?.meetingId ?? null;
          return (
            <Grid gap="lg" align="flex-start">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack gap="lg">
                  <NextMeetingCard meeting={data.nextMeeting} />
                  <AgreementsCard
                    title={t.dashboard.agreementsOverdue}
                    empty={t.dashboard.noAgreementsOverdue}
                    groups={data.agreements.overdue}
                    icon={IconAlarm}
                    color="red"
                    today={data.today}
                    nextMeetingId={nextMeetingId}
                  />
                  <AgreementsCard
                    title={t.dashboard.agreementsThisWeek}
                    empty={t.dashboard.noAgreementsThisWeek}
                    groups={data.agreements.dueThisWeek}
                    icon={IconCalendarDue}
                    color="orange"
                    today={data.today}
                    nextMeetingId={nextMeetingId}
                  />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Stack gap="lg">
                  <CasesWithoutLeadCard items={data.casesWithoutLead} nextMeetingId={nextMeetingId} />
                  <ConsentMissingCard items={data.consentMissing} />
                  <ParentCopiesCard items={data.parentCopies} />
                  <EffectChecksCard
                    overdue={data.effectChecks.overdue}
                    dueThisWeek={data.effectChecks.dueThisWeek}
                    nextMeetingId={nextMeetingId}
                  />
                  <LongOpenCard items={data.longOpenCases} weeks={data.longOpenWeeks} />
                </Stack>
              </Grid.Col>
            </Grid>
          );
        }}
      </QueryState>
    </Stack>
  );
}
