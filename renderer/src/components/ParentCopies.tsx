import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { Output } from '../../../core/contract/contract';
import { useChannel, useChannelMutation } from '../api';
import { formatShortDate, t } from '../i18n';
import { ExportButton } from './ExportButton';
import { QueryState } from './QueryState';

type Copy = Output<'meetings.parentCopies'>['copies'][number];
const p = t.participation;

/**
 * The parents' right to information after a meeting: each case whose parents
 * were not there, with its ouderversie to export (signed with the signature
 * icon) and the day it was sent.
 */
export function ParentCopies({ meetingId }: { meetingId: number }) {
  const query = useChannel('meetings.parentCopies', { meetingId }, { staleTime: 0 });
  return (
    <Card withBorder component="section" aria-labelledby="parent-copies-title">
      <Title order={3} mb="xs" id="parent-copies-title">
        {p.copies.title}
      </Title>
      <QueryState query={query}>
        {(data) =>
          data.copies.length === 0 ? (
            <Text c="dimmed">{p.copies.none}</Text>
          ) : (
            <Stack gap="md">
              <Text size="sm">{p.copies.intro}</Text>
              <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
                {data.copies.map((copy) => (
                  <CopyRow key={copy.caseId} meetingId={meetingId} copy={copy} today={data.today} />
                ))}
              </Stack>
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}

function CopyRow({ meetingId, copy, today }: { meetingId: number; copy: Copy; today: string }) {
  const mark = useChannelMutation('meetings.markParentCopySent');
  const [sentOn, setSentOn] = useState(today);
  const pupil = copy.pupilName;
  const parents = copy.parentsPresent
    ? p.parentsOptions[copy.parentsPresent] + (copy.parentsAbsentReason ? ` (${copy.parentsAbsentReason})` : '')
    : p.notRecorded;
  const fieldError = mark.error?.error.fields?.find((field) => field.path === 'sentOn')?.message;
  return (
    <li>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{pupil}</Text>
          {copy.groupName && (
            <Text size="sm" c="dimmed">
              {copy.groupName}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            · {p.copies.parents}: {parents}
          </Text>
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <ExportButton
            request={{ kind: 'parent', meetingId, caseId: copy.caseId }}
            label={p.copies.export}
            aria-label={p.copies.exportFor(pupil)}
          />
          {copy.sentOn ? (
            <Group gap="xs" wrap="nowrap">
              <IconCircleCheck size={18} color="var(--mantine-color-teal-8)" aria-hidden />
              <Text c="teal.9">{p.copies.sent(formatShortDate(copy.sentOn))}</Text>
              <Button
                variant="subtle"
                size="compact-sm"
                aria-label={p.copies.undoFor(pupil)}
                loading={mark.isPending}
                onClick={() => mark.mutate({ meetingId, caseId: copy.caseId, sentOn: null })}
              >
                {p.copies.undo}
              </Button>
            </Group>
          ) : (
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                type="date"
                label={p.copies.sentOn}
                aria-label={p.copies.sentOnFor(pupil)}
                value={sentOn}
                max={today}
                onChange={(event) => setSentOn(event.currentTarget.value)}
                error={fieldError}
              />
              <Button
                variant="light"
                aria-label={p.copies.markSentFor(pupil)}
                loading={mark.isPending}
                disabled={!sentOn}
                onClick={() => mark.mutate({ meetingId, caseId: copy.caseId, sentOn })}
              >
                {p.copies.markSent}
              </Button>
            </Group>
          )}
        </Group>
        {mark.error && !fieldError && (
          <Text c="red.9" size="sm" role="alert">
            {mark.error.message}
          </Text>
        )}
      </Stack>
    </li>
  );
}
