import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { QueryState } from '../../components/QueryState';
import { t } from '../../i18n';

/**
 * Cases that belong on this agenda (new, open or overdue agreements, effect check due), each added with one click;
 * below them any open case of the school by name, for a child the kernteam wants to discuss anyway.
 */
export function Suggestions({ meetingId, schoolId, onAgenda }: { meetingId: number; schoolId: number; onAgenda: number[] }) {
  const suggestions = useChannel('agenda.suggestions', { meetingId });
  const add = useChannelMutation('agenda.addCase');
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t.meetings.suggestions}
      </Title>
      {add.error && (
        <Alert color="orange" mb="sm" role="alert">
          {add.error.message}
        </Alert>
      )}
      <QueryState query={suggestions}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t.meetings.noSuggestions}</Text>
          ) : (
            <Stack gap="xs" aria-label={t.meetings.suggestions} role="list">
              {list.map((suggestion) => (
                <Group key={suggestion.caseId} justify="space-between" align="flex-start" role="listitem">
                  <Stack gap={2}>
                    <Text fw={600}>
                      {suggestion.pupilName}{' '}
                      <Text span c="dimmed" size="sm">
                        ({suggestion.groupName})
                      </Text>
                    </Text>
                    <Group gap={4}>
                      {suggestion.reasons.map((reason) => (
                        <Badge
                          key={reason}
                          size="xs"
                          variant="light"
                          color={reason === 'overdue_agreements' ? 'red' : reason === 'effect_check_due' ? 'orange' : 'indigo'}
                        >
                          {t.meetings.reasons[reason]}
                        </Badge>
                      ))}
                      {suggestion.gate === 'needs_consent' && (
                        <Badge size="xs" color="gray">
                          {t.meetings.needsConsent}
                        </Badge>
                      )}
                      {suggestion.gate === 'safety_concern' && (
                        <Badge size="xs" color="red" variant="outline">
                          {t.meetings.safetyConcern}
                        </Badge>
                      )}
                    </Group>
                    {suggestion.gate !== 'allowed' && (
                      <Text size="xs" c="dimmed">
                        {t.consent.explain({ gate: suggestion.gate, ...suggestion.gateDetail })}
                      </Text>
                    )}
                  </Stack>
                  <Group gap={4} ml="auto">
                    <Button
                      size="xs"
                      onClick={() => add.mutate({ meetingId, caseId: suggestion.caseId })}
                      aria-label={`${t.meetings.add}: ${suggestion.pupilName}`}
                    >
                      {t.meetings.add}
                    </Button>
                    {suggestion.gate === 'needs_consent' && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => add.mutate({ meetingId, caseId: suggestion.caseId, anonymous: true })}
                        aria-label={`${t.meetings.addAnonymous}: ${suggestion.pupilName}`}
                      >
                        {t.meetings.addAnonymous}
                      </Button>
                    )}
                  </Group>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryState>
      {suggestions.data && <OtherCase meetingId={meetingId} schoolId={schoolId} exclude={onAgenda} add={add} />}
    </Card>
  );
}

/** Any open case not yet on the agenda, found by name; the service applies the same consent gate as for a suggestion. */
function OtherCase({
  meetingId,
  schoolId,
  exclude,
  add,
}: {
  meetingId: number;
  schoolId: number;
  exclude: number[];
  add: ReturnType<typeof useChannelMutation<'agenda.addCase'>>;
}) {
  const cases = useChannel('cases.list', { schoolId });
  const [chosen, setChosen] = useState<string | null>(null);
  const options = (cases.data ?? [])
    .filter((c) => c.status !== 'closed' && !exclude.includes(c.id))
    .map((c) => ({ value: String(c.id), label: `${c.pupilName} (${c.groupName})` }));
  if (options.length === 0) return null;
  const addChosen = (anonymous: boolean) =>
    chosen && add.mutate({ meetingId, caseId: Number(chosen), anonymous }, { onSuccess: () => setChosen(null) });
  return (
    <Stack gap="xs" mt="md">
      <Select
        label={t.meetings.otherCase}
        placeholder={t.meetings.otherCasePlaceholder}
        data={options}
        value={chosen}
        onChange={setChosen}
        searchable
        clearable
        nothingFoundMessage={t.meetings.otherCaseNone}
        description={t.consent.otherCaseHelp}
      />
      <Group gap={4} justify="flex-end">
        <Button size="xs" variant="default" disabled={!chosen} onClick={() => addChosen(false)}>
          {t.meetings.add}
        </Button>
        <Button size="xs" variant="subtle" disabled={!chosen} onClick={() => addChosen(true)}>
          {t.meetings.addAnonymous}
        </Button>
      </Group>
    </Stack>
  );
}
