import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useChannel, useChannelMutation } from '../../api';
import { QueryState } from '../../components/QueryState';
import { t } from '../../i18n';

/** Cases that belong on this agenda (new, open or overdue agreements, effect check due), each added with one click. */
export function Suggestions({ meetingId }: { meetingId: number }) {
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
    </Card>
  );
}
