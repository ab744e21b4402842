import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { memberCreate } from '../../../core/contract/entities';
import { useChannel, useChannelMutation } from '../api';
import { QueryState } from '../components/QueryState';
import { t } from '../i18n';
import { useSchool } from '../school';

type MemberForm = z.input<typeof memberCreate>;

/** The kernteam: who takes part, in which role, for which organisation. */
export function Team() {
  const { current } = useSchool();
  const members = useChannel('members.list', { schoolId: current.id });
  const [adding, { open, close }] = useDisclosure(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t.team.title}</Title>
        <Button leftSection={<IconUserPlus size={18} />} onClick={open}>
          {t.team.add}
        </Button>
      </Group>
      <QueryState query={members}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t.team.empty}</Text>
          ) : (
            <Card withBorder p={0}>
              <Table highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.team.name}</Table.Th>
                    <Table.Th>{t.team.role}</Table.Th>
                    <Table.Th>{t.team.organisation}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((member) => (
                    <Table.Tr key={member.id} c={member.active ? undefined : 'dimmed'}>
                      <Table.Td fw={600}>{member.name}</Table.Td>
                      <Table.Td>{member.roleName}</Table.Td>
                      <Table.Td>{member.organisation ?? '—'}</Table.Td>
                      <Table.Td>
                        {!member.active && (
                          <Badge color="gray" variant="light">
                            {t.team.inactive}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )
        }
      </QueryState>
      <Modal opened={adding} onClose={close} title={t.team.add} centered closeButtonProps={{ 'aria-label': t.team.cancel }}>
        {adding && <AddMemberForm schoolId={current.id} onDone={close} />}
      </Modal>
    </Stack>
  );
}

function AddMemberForm({ schoolId, onDone }: { schoolId: number; onDone: () => void }) {
  const roles = useChannel('roles.list', { schoolId });
  const create = useChannelMutation('members.create');
  const form = useForm<MemberForm>({
    // The same schema main validates with: the form and the IPC boundary agree.
    resolver: zodResolver(memberCreate),
    defaultValues: { schoolId, name: '', organisation: '', email: '', phone: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    await create.mutateAsync(values);
    onDone();
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t.team.name} required {...form.register('name')} error={errors.name?.message} data-autofocus />
        <Controller
          control={form.control}
          name="roleId"
          render={({ field }) => (
            <Select
              label={t.team.role}
              required
              data={(roles.data ?? []).filter((role) => role.active).map((role) => ({ value: String(role.id), label: role.name }))}
              value={field.value ? String(field.value) : null}
              onChange={(value) => field.onChange(value ? Number(value) : undefined)}
              error={errors.roleId?.message}
            />
          )}
        />
        <TextInput label={t.team.organisation} {...form.register('organisation')} error={errors.organisation?.message} />
        <TextInput label={t.team.email} type="email" {...form.register('email')} error={errors.email?.message} />
        <TextInput label={t.team.phone} {...form.register('phone')} error={errors.phone?.message} />
        {create.error && (
          <Text c="red.7" role="alert">
            {create.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t.team.cancel}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t.team.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
