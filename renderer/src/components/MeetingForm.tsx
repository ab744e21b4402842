import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { meetingFields } from '../../../core/contract/entities';
import { useChannel } from '../api';
import { t } from '../i18n';

export type MeetingFormValues = z.input<typeof meetingFields>;

/** Date, time, place, chair, minute-taker and invitees of a meeting. */
export function MeetingForm({
  schoolId,
  initial,
  submitting,
  error,
  onSubmit,
  onCancel,
}: {
  schoolId: number;
  initial: MeetingFormValues;
  submitting: boolean;
  error?: string;
  onSubmit: (values: z.output<typeof meetingFields>) => void;
  onCancel: () => void;
}) {
  const members = useChannel('members.list', { schoolId });
  const options = (members.data ?? [])
    .filter((member) => member.active)
    .map((member) => ({ value: String(member.id), label: `${member.name} (${member.roleName})` }));
  const form = useForm<MeetingFormValues, unknown, z.output<typeof meetingFields>>({
    resolver: zodResolver(meetingFields),
    defaultValues: initial,
  });
  const { errors } = form.formState;
  const idSelect = (name: 'chairId' | 'minuteTakerId', label: string) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          data={options}
          value={field.value ? String(field.value) : null}
          onChange={(value) => field.onChange(value ? Number(value) : null)}
          clearable
          error={errors[name]?.message}
        />
      )}
    />
  );
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput type="date" label={t.meetings.date} required {...form.register('date')} error={errors.date?.message} />
          <TextInput type="time" label={t.meetings.time} required {...form.register('startTime')} error={errors.startTime?.message} />
        </SimpleGrid>
        <TextInput label={t.meetings.location} {...form.register('location')} error={errors.location?.message} />
        <SimpleGrid cols={2}>
          {idSelect('chairId', t.meetings.chairRole)}
          {idSelect('minuteTakerId', t.meetings.minuteTaker)}
        </SimpleGrid>
        <Controller
          control={form.control}
          name="inviteeIds"
          render={({ field }) => (
            <MultiSelect
              label={t.meetings.invitees}
              data={options}
              value={(field.value ?? []).map(String)}
              onChange={(values) => field.onChange(values.map(Number))}
              searchable
            />
          )}
        />
        {error && (
          <Text c="red.9" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t.meetings.cancel}
          </Button>
          <Button type="submit" loading={submitting}>
            {t.meetings.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
