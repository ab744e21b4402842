import { Button, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { t } from '../../i18n';
import { useSchool } from '../../school';
import { Section } from './Section';
import type { ChairItemData } from './types';

/** The case's one trekker: shown, set, or changed with a reason. */
export function Lead({ item }: { item: ChairItemData }) {
  const { current } = useSchool();
  const members = useChannel('members.list', { schoolId: current.id });
  const setLead = useChannelMutation('cases.setLead');
  const [memberId, setMemberId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const info = item.case!;
  return (
    <Section title={t.chair.lead}>
      <Text fw={600} mb="xs" data-testid="current-lead">
        {info.leadName ?? t.chair.noLead}
      </Text>
      <Stack gap="xs">
        <Select
          label={info.leadName ? t.chair.changeLead : t.chair.setLead}
          data={(members.data ?? [])
            .filter((member) => member.active && member.id !== info.leadMemberId)
            .map((member) => ({ value: String(member.id), label: `${member.name} (${member.roleName})` }))}
          value={memberId}
          onChange={setMemberId}
          searchable
        />
        {info.leadName && (
          <Textarea
            label={t.chair.leadReason}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={2}
          />
        )}
        {setLead.error && (
          <Text c="red.9" size="sm" role="alert">
            {setLead.error.message}
          </Text>
        )}
        <Button
          disabled={!memberId}
          onClick={() =>
            setLead.mutate(
              { caseId: info.id, memberId: Number(memberId), reason, onDate: item.meetingDate },
              {
                onSuccess: () => {
                  setMemberId(null);
                  setReason('');
                },
              },
            )
          }
        >
          {info.leadName ? t.chair.changeLead : t.chair.setLead}
        </Button>
      </Stack>
    </Section>
  );
}
