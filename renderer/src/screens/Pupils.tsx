import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, MultiSelect, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFolderPlus, IconShieldLock, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { caseFields, pupilFields } from '../../../core/contract/entities';
import { useChannel, useChannelMutation } from '../api';
import { ListTitle } from '../components/ListTitle';
import { QueryState } from '../components/QueryState';
import { VirtualTable } from '../components/VirtualTable';
import { formatShortDate, t } from '../i18n';
import { useSchool } from '../school';

type PupilForm = z.input<typeof pupilFields>;
type CaseForm = z.input<typeof caseFields>;

/** Pupils with only minimal data, and where a case is registered (aangemeld). */
export function Pupils() {
  const { current } = useSchool();
  const pupils = useChannel('pupils.list', { schoolId: current.id });
  const [adding, { open, close }] = useDisclosure(false);
  const [casePupil, setCasePupil] = useState<{ id: number; name: string } | null>(null);
  const navigate = useNavigate();
  return (
    <Stack>
      <Group justify="space-between">
        <ListTitle title={t.pupils.title} count={pupils.data && t.pupils.count(pupils.data.length)} />
        <Button leftSection={<IconUserPlus size={18} />} onClick={open}>
          {t.pupils.add}
        </Button>
      </Group>
      <QueryState query={pupils}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t.pupils.empty}</Text>
          ) : (
            <VirtualTable
              striped
              highlightOnHover
              aria-label={t.pupils.title}
              columns={5}
              estimateRowHeight={45}
              items={list}
              rowKey={(pupil) => pupil.id}
              head={
                <>
                  <Table.Th>{t.team.name}</Table.Th>
                  <Table.Th>{t.pupils.dateOfBirth}</Table.Th>
                  <Table.Th>{t.pupils.group}</Table.Th>
                  <Table.Th>{t.pupils.openCases}</Table.Th>
                  <Table.Th />
                </>
              }
              row={(pupil, rowProps) => (
                <Table.Tr {...rowProps}>
                  <Table.Td fw={600}>
                    {pupil.firstName} {pupil.lastName}
                  </Table.Td>
                  <Table.Td>{formatShortDate(pupil.dateOfBirth)}</Table.Td>
                  <Table.Td>{pupil.groupName}</Table.Td>
                  <Table.Td>{pupil.openCases}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconFolderPlus size={14} />}
                        aria-label={`${t.pupils.newCase}: ${pupil.firstName} ${pupil.lastName}`}
                        onClick={() => setCasePupil({ id: pupil.id, name: `${pupil.firstName} ${pupil.lastName}` })}
                      >
                        {t.pupils.newCase}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconShieldLock size={14} />}
                        aria-label={`${t.privacy.pupil.fromPupils}: ${pupil.firstName} ${pupil.lastName}`}
                        onClick={() => void navigate(`/privacy?tab=leerling&leerling=${pupil.id}`)}
                      >
                        {t.privacy.pupil.fromPupils}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )}
            />
          )
        }
      </QueryState>
      <Modal opened={adding} onClose={close} title={t.pupils.add} centered closeButtonProps={{ 'aria-label': t.pupils.cancel }}>
        {adding && <AddPupil schoolId={current.id} onDone={close} />}
      </Modal>
      <Modal
        opened={casePupil !== null}
        onClose={() => setCasePupil(null)}
        title={casePupil ? `${t.pupils.newCase}: ${casePupil.name}` : ''}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t.pupils.cancel }}
      >
        {casePupil && <NewCase schoolId={current.id} pupilId={casePupil.id} onCancel={() => setCasePupil(null)} />}
      </Modal>
    </Stack>
  );
}

function AddPupil({ schoolId, onDone }: { schoolId: number; onDone: () => void }) {
  const create = useChannelMutation('pupils.create');
  const form = useForm<PupilForm>({
    resolver: zodResolver(pupilFields),
    defaultValues: { firstName: '', lastName: '', dateOfBirth: '', groupName: '' },
  });
  const { errors } = form.formState;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        await create.mutateAsync({ schoolId, ...values });
        onDone();
      })}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t.pupils.minimal}
        </Text>
        <Group grow>
          <TextInput label={t.pupils.firstName} required {...form.register('firstName')} error={errors.firstName?.message} data-autofocus />
          <TextInput label={t.pupils.lastName} required {...form.register('lastName')} error={errors.lastName?.message} />
        </Group>
        <Group grow>
          <TextInput
            type="date"
            label={t.pupils.dateOfBirth}
            required
            {...form.register('dateOfBirth')}
            error={errors.dateOfBirth?.message}
          />
          <TextInput label={t.pupils.group} required {...form.register('groupName')} error={errors.groupName?.message} />
        </Group>
        {create.error && (
          <Text c="red.9" role="alert">
            {create.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t.pupils.cancel}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t.pupils.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NewCase({ schoolId, pupilId, onCancel }: { schoolId: number; pupilId: number; onCancel: () => void }) {
  const themes = useChannel('themes.list', { schoolId });
  const create = useChannelMutation('cases.create');
  const navigate = useNavigate();
  const form = useForm<CaseForm>({ resolver: zodResolver(caseFields), defaultValues: { question: '', analysis: '', themeIds: [] } });
  const { errors } = form.formState;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        const { id } = await create.mutateAsync({ pupilId, ...values });
        void navigate(`/casussen/${id}`);
      })}
    >
      <Stack>
        <Textarea
          label={t.pupils.question}
          description={t.pupils.questionHelp}
          required
          autosize
          minRows={3}
          {...form.register('question')}
          error={errors.question?.message}
          data-autofocus
        />
        <Controller
          control={form.control}
          name="themeIds"
          render={({ field }) => (
            <MultiSelect
              label={t.pupils.themes}
              searchable
              data={(themes.data ?? []).map((theme) => ({ value: String(theme.id), label: theme.name }))}
              value={(field.value ?? []).map(String)}
              onChange={(values) => field.onChange(values.map(Number))}
            />
          )}
        />
        <Textarea label={t.pupils.analysis} autosize minRows={2} {...form.register('analysis')} error={errors.analysis?.message} />
        {create.error && (
          <Text c="red.9" role="alert">
            {create.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t.pupils.cancel}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t.casePage.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
