import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { t } from '../../i18n';
import { useSchool } from '../../school';
import type { ChairItemData } from './types';

/** A new agreement: what, who (a member, parents, pupil or school staff) and when; Alt+N jumps to it. */
export function AgreementForm({ item }: { item: ChairItemData }) {
  const { current } = useSchool();
  const members = useChannel('members.list', { schoolId: current.id });
  const add = useChannelMutation('agreements.add');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [staffName, setStaffName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const owners = [
    ...(members.data ?? [])
      .filter((member) => member.active)
      .map((member) => ({ value: `member:${member.id}`, label: `${member.name} (${member.roleName})` })),
    { value: 'parents', label: t.owners.parents },
    { value: 'pupil', label: t.owners.pupil },
    { value: 'staff', label: t.owners.staff },
  ];
  const fieldError = (path: string) => add.error?.error.fields?.find((field) => field.path === path)?.message;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const [kind, memberId] = (owner ?? '').split(':');
        add.mutate(
          {
            agendaItemId: item.id,
            description,
            ownerKind: (kind || 'member') as 'member' | 'parents' | 'pupil' | 'staff',
            ownerMemberId: memberId ? Number(memberId) : undefined,
            ownerName: kind === 'staff' ? staffName : undefined,
            dueOn,
          },
          {
            onSuccess: () => {
              setDescription('');
              setDueOn('');
              document.getElementById('new-agreement')?.focus();
            },
          },
        );
      }}
      noValidate
    >
      <Stack gap="xs" mt="md">
        <TextInput
          id="new-agreement"
          label={t.chair.what}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldError('description')}
        />
        <Group grow align="flex-start">
          <Select label={t.chair.who} data={owners} value={owner} onChange={setOwner} searchable error={fieldError('ownerMemberId')} />
          {owner === 'staff' && (
            <TextInput label={t.chair.staffName} value={staffName} onChange={(event) => setStaffName(event.currentTarget.value)} />
          )}
          <TextInput
            type="date"
            label={t.chair.when}
            value={dueOn}
            onChange={(event) => setDueOn(event.currentTarget.value)}
            error={fieldError('dueOn')}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {t.chair.addAgreement}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
