import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useChannel, useChannelMutation } from '../api';
import { ExportButton } from '../components/ExportButton';
import { QueryState } from '../components/QueryState';
import { formatShortDate, ownerLabel, t } from '../i18n';
import { ConsentCard } from './case/ConsentCard';

type CaseData = NonNullable<ReturnType<typeof useChannel<'cases.get'>>['data']>;

/** One case across meetings: question, consent, trekker history, discussions, agreements, effect checks. */
export function CasePage() {
  const caseId = Number(useParams().caseId);
  const query = useChannel('cases.get', { caseId });
  return (
    <QueryState query={query}>
      {(data) => (
        <Stack gap="lg">
          <Anchor component={Link} to="/casussen" size="sm">
            ← {t.casePage.back}
          </Anchor>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={2}>
                {data.firstName} {data.lastName}
              </Title>
              <Text c="dimmed">
                {data.groupName} · {t.cases.registeredOn} {formatShortDate(data.registeredOn)}
              </Text>
            </Stack>
            <Group>
              <ExportButton request={{ kind: 'dossier', caseId: data.id }} label={t.exports.dossier} />
              <Badge size="lg" variant="light">
                {t.cases.statuses[data.status]}
              </Badge>
            </Group>
          </Group>
          {data.closedOn && <Alert color="gray">{t.casePage.closedOn(formatShortDate(data.closedOn), data.closedReason ?? '')}</Alert>}
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack>
                <Card withBorder>
                  <Title order={4}>{t.cases.question}</Title>
                  <Text mt={4}>{data.question}</Text>
                  <Group gap={4} mt="xs">
                    {data.themes.map((theme) => (
                      <Badge key={theme.id} variant="outline" size="sm">
                        {theme.name}
                      </Badge>
                    ))}
                  </Group>
                  {data.effectDueOn && data.effectPending && (
                    <Badge mt="sm" color="orange" variant="light">
                      {t.chair.effectDue(formatShortDate(data.effectDueOn))}
                    </Badge>
                  )}
                </Card>
                <History data={data} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack>
                <ConsentCard data={data} />
                <CloseCase data={data} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}

/** Who took part in one discussion, the pupil's own view and when the ouderversie was sent: only what was recorded. */
function DiscussionParticipation({ discussion }: { discussion: CaseData['discussions'][number] }) {
  const p = t.participation;
  const who = [
    discussion.parentsPresent && `${p.parents}: ${p.docs.parentsValues[discussion.parentsPresent]}`,
    discussion.pupilParticipation && `${p.pupil}: ${p.docs.pupilValues[discussion.pupilParticipation]}`,
    discussion.parentCopySentOn && `${p.docs.sentOn} ${formatShortDate(discussion.parentCopySentOn)}`,
  ].filter(Boolean);
  return (
    <>
      {who.length > 0 && (
        <Text size="sm" c="dimmed" mt={4}>
          {who.join(' · ')}
        </Text>
      )}
      {discussion.pupilView && (
        <Text size="sm" mt={4}>
          <Text span fw={600}>
            {p.pupilView}{' '}
          </Text>
          {discussion.pupilView}
        </Text>
      )}
    </>
  );
}

function History({ data }: { data: CaseData }) {
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t.casePage.discussions}
      </Title>
      {data.discussions.length === 0 ? (
        <Text c="dimmed">{t.casePage.noDiscussions}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {data.discussions.map((discussion) => (
            <Timeline.Item key={discussion.id} title={formatShortDate(discussion.date)}>
              {discussion.notes && <Text size="sm">{discussion.notes}</Text>}
              {discussion.conclusions && (
                <Text size="sm" fw={600} mt={4}>
                  {discussion.conclusions}
                </Text>
              )}
              <DiscussionParticipation discussion={discussion} />
              <ExportButton
                mt={4}
                size="compact-sm"
                variant="subtle"
                request={{ kind: 'parent', meetingId: discussion.meetingId, caseId: data.id }}
                label={t.exports.parent}
                aria-label={`${t.exports.parent}: ${formatShortDate(discussion.date)}`}
              />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <Title order={4} mt="lg" mb="xs">
        {t.chair.agreements}
      </Title>
      <Table.ScrollContainer minWidth={0} type="native">
        <Table aria-label={t.chair.agreements}>
          <Table.Tbody>
            {data.agreements.map((agreement) => (
              <Table.Tr key={agreement.id}>
                <Table.Td>{agreement.description}</Table.Td>
                <Table.Td>{ownerLabel(agreement)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatShortDate(agreement.dueOn)}
                  {agreement.postponements > 0 && <Text size="xs">{t.chair.postponed(agreement.postponements)}</Text>}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={agreement.status === 'done' ? 'teal' : agreement.status === 'not_done' ? 'red' : 'indigo'}>
                    {t.chair.statuses[agreement.status]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={4} mt="lg" mb="xs">
        {t.casePage.leads}
      </Title>
      {data.leads.map((lead) => (
        <Text key={lead.id} size="sm">
          <Text span fw={600}>
            {lead.memberName}
          </Text>{' '}
          ({t.casePage.from(formatShortDate(lead.startedOn), lead.endedOn && formatShortDate(lead.endedOn))})
          {lead.reason && ` — ${lead.reason}`}
        </Text>
      ))}
      {data.effectChecks.length > 0 && (
        <>
          <Title order={4} mt="lg" mb="xs">
            {t.casePage.effectChecks}
          </Title>
          {data.effectChecks.map((check) => (
            <Text key={check.id} size="sm">
              {formatShortDate(check.checkedOn)}: <b>{t.chair.effectResults[check.result]}</b> {check.note}
            </Text>
          ))}
        </>
      )}
    </Card>
  );
}

function CloseCase({ data }: { data: CaseData }) {
  const close = useChannelMutation('cases.close');
  const reopen = useChannelMutation('cases.reopen');
  const [reason, setReason] = useState('');
  if (data.status === 'closed') {
    return (
      <Button variant="default" onClick={() => reopen.mutate({ caseId: data.id })}>
        {t.casePage.reopen}
      </Button>
    );
  }
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t.casePage.closeCase}
      </Title>
      <Textarea
        label={t.casePage.closeReason}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        autosize
        minRows={2}
        error={close.error?.error.fields?.[0]?.message ?? close.error?.message}
      />
      <Group justify="flex-end" mt="xs">
        <Button color="gray" onClick={() => close.mutate({ caseId: data.id, reason })}>
          {t.casePage.closeCase}
        </Button>
      </Group>
    </Card>
  );
}
