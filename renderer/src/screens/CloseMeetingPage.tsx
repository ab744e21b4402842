import { Badge, Button, Card, Checkbox, Group, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { addDays, format, parseISO } from 'date-fns';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useChannel, useChannelMutation } from '../api';
import { ActionLists } from '../components/ActionLists';
import { ParentCopies } from '../components/ParentCopies';
import { QueryState } from '../components/QueryState';
import { formatLongDate, formatShortDate, t } from '../i18n';

/** After the meeting: the action list per owner, open questions and the next date. */
export function CloseMeetingPage() {
  const meetingId = Number(useParams().meetingId);
  const meeting = useChannel('meetings.get', { meetingId });
  const actions = useChannel('meetings.actions', { meetingId });
  const close = useChannelMutation('meetings.close');
  const navigate = useNavigate();
  const [openQuestions, setOpenQuestions] = useState<string | null>(null);
  const [planNext, setPlanNext] = useState(true);
  const [next, setNext] = useState<{ date: string; startTime: string; location: string } | null>(null);
  return (
    <QueryState query={meeting}>
      {(data) => {
        const nextValue = next ?? {
          date: format(addDays(parseISO(data.date), 42), 'yyyy-MM-dd'),
          startTime: data.startTime,
          location: data.location,
        };
        return (
          <Stack gap="lg">
            <Title order={2}>
              {t.closeMeeting.title}: {formatLongDate(data.date)}
            </Title>
            <Card withBorder>
              <Title order={3} mb="sm">
                {t.closeMeeting.actions}
              </Title>
              <QueryState query={actions}>
                {(groups) =>
                  groups.length === 0 ? (
                    <Text c="dimmed">{t.closeMeeting.noActions}</Text>
                  ) : (
                    <Stack>
                      {groups.map((group) => (
                        <div key={`${group.ownerKind}:${group.owner}`}>
                          <Text fw={700}>{group.owner}</Text>
                          <Table.ScrollContainer minWidth={0} type="native">
                            <Table aria-label={group.owner}>
                              <Table.Tbody>
                                {group.agreements.map((agreement) => (
                                  <Table.Tr key={agreement.id}>
                                    <Table.Td>{agreement.description}</Table.Td>
                                    <Table.Td c="dimmed">{agreement.itemTitle}</Table.Td>
                                    <Table.Td w={110}>{formatShortDate(agreement.dueOn)}</Table.Td>
                                    <Table.Td w={110}>
                                      <Badge variant="light">{t.chair.statuses[agreement.status]}</Badge>
                                    </Table.Td>
                                  </Table.Tr>
                                ))}
                              </Table.Tbody>
                            </Table>
                          </Table.ScrollContainer>
                        </div>
                      ))}
                    </Stack>
                  )
                }
              </QueryState>
            </Card>
            <ActionLists meetingId={meetingId} />
            <ParentCopies meetingId={meetingId} />
            <Textarea
              label={t.closeMeeting.openQuestions}
              autosize
              minRows={3}
              value={openQuestions ?? data.openQuestions}
              onChange={(event) => setOpenQuestions(event.currentTarget.value)}
            />
            <Card withBorder>
              <Checkbox
                label={t.closeMeeting.planNext}
                checked={planNext}
                onChange={(event) => setPlanNext(event.currentTarget.checked)}
                mb="sm"
              />
              {planNext && (
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    type="date"
                    label={t.meetings.date}
                    value={nextValue.date}
                    onChange={(event) => setNext({ ...nextValue, date: event.currentTarget.value })}
                    error={close.error?.error.fields?.find((f) => f.path.startsWith('next'))?.message}
                  />
                  <TextInput
                    type="time"
                    label={t.meetings.time}
                    value={nextValue.startTime}
                    onChange={(event) => setNext({ ...nextValue, startTime: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t.meetings.location}
                    value={nextValue.location}
                    onChange={(event) => setNext({ ...nextValue, location: event.currentTarget.value })}
                  />
                </SimpleGrid>
              )}
            </Card>
            {close.error && (
              <Text c="red.9" role="alert">
                {close.error.message}
              </Text>
            )}
            <Group justify="flex-end">
              <Button
                size="md"
                loading={close.isPending}
                onClick={() =>
                  close.mutate(
                    { meetingId, openQuestions: openQuestions ?? data.openQuestions, next: planNext ? nextValue : null },
                    { onSuccess: () => void navigate(`/overleggen/${meetingId}`) },
                  )
                }
              >
                {t.closeMeeting.submit}
              </Button>
            </Group>
          </Stack>
        );
      }}
    </QueryState>
  );
}
