import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { memberCreate, type member as memberSchema } from '../../../core/contract/entities';
import { useChannel, useChannelMutation } from '../api';
import { CertificatesPanel } from '../components/CertificatesPanel';
import { QueryState } from '../components/QueryState';
import { t } from '../i18n';
import { useSchool } from '../school';

type MemberFormValues = z.input<typeof memberCreate>;

/** The kernteam: who takes part, in which role, for which organisation. */
export function Team() {
  const { current } = useSchool();
  const members = useChannel('members.list', { schoolId: current.id });
  const [adding, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const setActive = useChannelMutation('members.setActive');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t.team.title}</Title>
        <Button leftSection={<IconUserPlus size={18} />} onClick={open}>
          {t.team.add}
        </Button>
      </Group>
      {setActive.error && (
        <Text c="red.9" size="sm" role="alert">
          {setActive.error.message}
        </Text>
      )}
      <QueryState query={members}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t.team.empty}</Text>
          ) : (
            <Card withBorder p={0}>
              <Table.ScrollContainer minWidth={0} type="native">
                <Table highlightOnHover verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t.team.name}</Table.Th>
                      <Table.Th>{t.team.role}</Table.Th>
                      <Table.Th visibleFrom="sm">{t.team.organisation}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((member) => (
                      <Table.Tr key={member.id} c={member.active ? undefined : 'dimmed'}>
                        <Table.Td fw={600}>{member.name}</Table.Td>
                        <Table.Td>
                          {member.roleName}
                          {/* A narrow window (200 % zoom) has no room for a fourth column: the organisation goes under the role. */}
                          {member.organisation && (
                            <Text size="sm" c="dimmed" hiddenFrom="sm">
                              {member.organisation}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td visibleFrom="sm">{member.organisation ?? '—'}</Table.Td>
                        <Table.Td>
                          <Group gap="xs" justify="flex-end">
                            {!member.active && (
                              <Badge color="gray" variant="light">
                                {t.team.inactive}
                              </Badge>
                            )}
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              onClick={() => setEditing(member)}
                              aria-label={`${t.team.edit}: ${member.name}`}
                            >
                              {t.team.edit}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color={member.active ? 'red' : 'teal'}
                              aria-label={`${member.active ? t.team.deactivate : t.team.reactivate}: ${member.name}`}
                              onClick={() => {
                                if (member.active && !window.confirm(t.team.deactivateConfirm(member.name))) return;
                                setActive.mutate({ memberId: member.id, active: !member.active });
                              }}
                            >
                              {member.active ? t.team.deactivate : t.team.reactivate}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          )
        }
      </QueryState>
      <Modal opened={adding} onClose={close} title={t.team.add} centered closeButtonProps={{ 'aria-label': t.team.cancel }}>
        {adding && <MemberForm schoolId={current.id} onDone={close} />}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t.team.editTitle}
        centered
        closeButtonProps={{ 'aria-label': t.team.cancel }}
      >
        {editing && <MemberForm schoolId={current.id} member={editing} onDone={() => setEditing(null)} />}
      </Modal>
      <AddRole schoolId={current.id} />
      <CertificatesPanel schoolId={current.id} />
    </Stack>
  );
}

type Member = z.infer<typeof memberSchema>;

/** Adds a member, or changes one when `member` is given. */
function MemberForm({ schoolId, member, onDone }: { schoolId: number; member?: Member; onDone: () => void }) {
  const roles = useChannel('roles.list', { schoolId });
  const create = useChannelMutation('members.create');
  const update = useChannelMutation('members.update');
  const form = useForm<MemberFormValues>({
    // The same schema main validates with: the form and the IPC boundary agree.
    resolver: zodResolver(memberCreate),
    defaultValues: {
      schoolId,
      name: member?.name ?? '',
      roleId: member?.roleId,
      organisation: member?.organisation ?? '',
      email: member?.email ?? '',
      phone: member?.phone ?? '',
    },
  });
  const submit = form.handleSubmit(async (values) => {
    if (member) {
      await update.mutateAsync({
        memberId: member.id,
        name: values.name,
        roleId: values.roleId,
        organisation: values.organisation,
        email: values.email,
        phone: values.phone,
      });
    } else {
      await create.mutateAsync(values);
    }
    onDone();
  });
  const failure = create.error ?? update.error;
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
        {failure && (
          <Text c="red.9" role="alert">
            {failure.message}
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

/** Regions differ in who sits in the kernteam: a school adds its own roles. */
function AddRole({ schoolId }: { schoolId: number }) {
  const create = useChannelMutation('roles.create');
  const [name, setName] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ schoolId, name }, { onSuccess: () => setName('') });
      }}
    >
      <Group align="flex-end" maw={520}>
        <TextInput
          label={t.team.addRole}
          placeholder={t.team.roleName}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={create.error?.error.fields?.[0]?.message ?? create.error?.message}
          style={{ flex: 1 }}
        />
        <Button type="submit" variant="light">
          {t.team.addRole}
        </Button>
      </Group>
    </form>
  );
}
