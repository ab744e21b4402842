import { Alert, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useChannel } from '../../api';
import { AutosaveTextarea } from '../../components/AutosaveTextarea';
import { QueryState } from '../../components/QueryState';
import { formatShortDate, t } from '../../i18n';
import { Agreements } from './Agreements';
import { Effect } from './Effect';
import { Lead } from './Lead';
import { Participation } from './Participation';
import { Tags } from './Tags';
import { Timer } from './Timer';
import type { ChairItemData } from './types';

/** One agenda item in chair mode; with `focusNotes` the notes field gets the focus once the item is shown. */
export function ChairItem({ agendaItemId, focusNotes }: { agendaItemId: number; focusNotes: boolean }) {
  const item = useChannel('chair.item', { agendaItemId }, { staleTime: 0 });
  return <QueryState query={item}>{(data) => <ItemBody data={data} focusNotes={focusNotes} />}</QueryState>;
}

function ItemBody({ data, focusNotes }: { data: ChairItemData; focusNotes: boolean }) {
  const notes = useRef<HTMLDivElement>(null);
  // After Alt+→ / Alt+← the chair types on at once, instead of six Tabs from the top.
  useEffect(() => {
    if (focusNotes) notes.current?.querySelector('textarea')?.focus();
  }, [focusNotes]);
  const agendaItemId = data.id;
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2}>{data.title}</Title>
            {data.case && (
              <Group gap="xs">
                {data.case.themes.map((theme) => (
                  <Badge key={theme} variant="outline" size="sm">
                    {theme}
                  </Badge>
                ))}
                {data.case.effectDueOn && data.case.effectPending && (
                  <Badge color="orange" variant="light">
                    {t.chair.effectDue(formatShortDate(data.case.effectDueOn))}
                  </Badge>
                )}
              </Group>
            )}
          </Stack>
          <Timer agendaItemId={agendaItemId} plannedMinutes={data.plannedMinutes} spentSeconds={data.spentSeconds} />
        </Group>
        {data.anonymous && (
          <Alert color="gray" mt="sm">
            {t.chair.anonymous}
          </Alert>
        )}
        {data.case?.gate === 'safety_concern' && (
          <Alert color="red" mt="sm" title={t.chair.safetyConcern}>
            {data.case.safetyConcernReason}
            <Text size="xs" mt={4}>
              {t.consent.explain({ gate: data.case.gate, ...data.case.gateDetail })}
            </Text>
          </Alert>
        )}
        {data.case?.gate === 'needs_consent' && !data.anonymous && (
          // Consent withdrawn after the case was put on the agenda: the chair sees it before discussing by name.
          <Alert color="orange" mt="sm" title={t.consent.chairMissing} role="alert">
            {t.consent.explain({ gate: data.case.gate, ...data.case.gateDetail })}
          </Alert>
        )}
        {data.case && (
          <Text mt="sm">
            <Text span fw={600}>
              {t.chair.question}:{' '}
            </Text>
            {data.case.question}
          </Text>
        )}
      </Card>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <div ref={notes}>
              <AutosaveTextarea agendaItemId={agendaItemId} field="notes" label={t.chair.notes} initial={data.notes} minRows={6} />
            </div>
            {data.case && (
              <AutosaveTextarea
                agendaItemId={agendaItemId}
                field="conclusions"
                label={t.chair.conclusions}
                initial={data.conclusions}
                minRows={3}
              />
            )}
            {data.participation && (
              <AutosaveTextarea
                agendaItemId={agendaItemId}
                field="pupilView"
                label={t.participation.pupilView}
                initial={data.participation.pupilView}
                minRows={2}
              />
            )}
            <Agreements item={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {data.case && (
            <Stack>
              {data.participation && <Participation item={data} />}
              <Lead item={data} />
              <Effect item={data} />
              <Tags item={data} />
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
