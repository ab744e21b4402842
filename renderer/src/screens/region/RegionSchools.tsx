import { Alert, Button, Card, Group, List, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { QueryState } from '../../components/QueryState';
import { formatShortDate, t } from '../../i18n';
import { AreasCard } from './AreasCard';
import { periodLabel } from './periodLabel';
import { ConfirmDialog, RenameDialog, RenameRemoveButtons } from './RenameDialog';
import { fieldProblem, type Area, type CsvResult, type RegionSchool } from './types';

const s = t.regio.screens.schools;

/** The region's schools with their gebied and latest delivery, the gebieden, and a list from a CSV `school;gebied`. */
export function RegionSchools() {
  const schools = useChannel('region.schools.list', undefined);
  const areas = useChannel('region.areas.list', undefined);
  const importCsv = useChannelMutation('region.schools.importCsv');
  const [csv, setCsv] = useState<CsvResult | null>(null);
  return (
    <Stack gap="lg">
      <Title order={2}>{s.title}</Title>
      <Text maw={900}>{s.intro}</Text>
      <Card withBorder component="section" aria-labelledby="region-schools-title">
        <Group justify="space-between" mb="xs" gap="xs">
          <Group gap="sm" align="baseline">
            <Title order={3} id="region-schools-title">
              {s.schoolsTitle}
            </Title>
            {schools.data && <Text c="dimmed">{s.count(schools.data.length)}</Text>}
          </Group>
          <Button
            variant="light"
            leftSection={<IconFileTypeCsv size={18} />}
            loading={importCsv.isPending}
            onClick={() => importCsv.mutate(undefined, { onSuccess: (result) => result && setCsv(result) })}
          >
            {s.csv}
          </Button>
        </Group>
        <Stack gap="sm">
          <Text size="sm" c="dimmed" maw={900}>
            {s.csvHelp}
          </Text>
          {importCsv.error && (
            <Alert color="red" role="alert">
              {importCsv.error.message}
            </Alert>
          )}
          {csv && <CsvOutcome result={csv} />}
          <QueryState query={schools}>
            {(list) => (list.length === 0 ? <Text c="dimmed">{s.empty}</Text> : <SchoolsTable schools={list} areas={areas.data ?? []} />)}
          </QueryState>
          <AddSchool areas={areas.data ?? []} />
        </Stack>
      </Card>
      <AreasCard />
    </Stack>
  );
}

/** A CSV read in, with its counts; or refused, with every problem by line and nothing stored. */
function CsvOutcome({ result }: { result: CsvResult }) {
  if (result.outcome === 'imported')
    return (
      <Text size="sm" c="teal.9" role="status">
        {s.csvImported(result.fileName, result.schools, result.newSchools, result.changedSchools, result.newAreas)}
      </Text>
    );
  return (
    <Alert color="red" title={s.csvRefused(result.fileName)} role="alert">
      <List size="sm" spacing={2}>
        {result.problems.map((problem, index) => (
          <List.Item key={index}>{problem}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t.regio.csv.refused}
      </Text>
    </Alert>
  );
}

function SchoolsTable({ schools, areas }: { schools: RegionSchool[]; areas: Area[] }) {
  const setArea = useChannelMutation('region.schools.setArea');
  const rename = useChannelMutation('region.schools.rename');
  const remove = useChannelMutation('region.schools.remove');
  const [renaming, setRenaming] = useState<RegionSchool | null>(null);
  const [removing, setRemoving] = useState<RegionSchool | null>(null);
  const areaOptions = [{ value: '', label: s.noArea }, ...areas.map((area) => ({ value: String(area.id), label: area.name }))];
  return (
    <>
      {setArea.error && (
        <Text c="red.9" size="sm" role="alert">
          {setArea.error.message}
        </Text>
      )}
      <Table.ScrollContainer minWidth={0} type="native">
        <Table verticalSpacing="xs" highlightOnHover aria-label={s.schoolsTitle}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{s.school}</Table.Th>
              <Table.Th>{s.area}</Table.Th>
              <Table.Th>{s.latest}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schools.map((school) => (
              <Table.Tr key={school.id}>
                <Table.Td fw={600} style={{ minWidth: '10rem' }}>
                  {school.name}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={s.areaOf(school.name)}
                    data={areaOptions}
                    value={school.areaId === null ? '' : String(school.areaId)}
                    onChange={(value) => setArea.mutate({ regionSchoolId: school.id, areaId: value ? Number(value) : null })}
                    allowDeselect={false}
                    w="12rem"
                  />
                </Table.Td>
                <Table.Td style={{ minWidth: '12rem' }}>
                  {school.latest ? (
                    s.latestText(
                      periodLabel({ from: school.latest.periodFrom, to: school.latest.periodTo }),
                      formatShortDate(school.latest.createdAt),
                    )
                  ) : (
                    <Text span c="dimmed" size="sm">
                      {s.noDelivery}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <RenameRemoveButtons
                    name={school.name}
                    onRename={() => (rename.reset(), setRenaming(school))}
                    onRemove={() => (remove.reset(), setRemoving(school))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {renaming && (
        <RenameDialog
          title={s.renameSchoolTitle}
          name={renaming.name}
          onSave={(name) => rename.mutate({ regionSchoolId: renaming.id, name }, { onSuccess: () => setRenaming(null) })}
          onClose={() => setRenaming(null)}
          pending={rename.isPending}
          error={fieldProblem(rename.error)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={s.removeSchoolTitle}
          text={s.removeSchoolText(removing.name, removing.contributions, removing.signers)}
          confirmLabel={s.remove}
          onConfirm={() =>
            remove.mutate(
              { regionSchoolId: removing.id },
              {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: s.schoolRemoved(removing.name) });
                  setRemoving(null);
                },
              },
            )
          }
          onClose={() => setRemoving(null)}
          pending={remove.isPending}
          error={remove.error?.message}
        />
      )}
    </>
  );
}

function AddSchool({ areas }: { areas: Area[] }) {
  const add = useChannelMutation('region.schools.add');
  const [name, setName] = useState('');
  const [areaId, setAreaId] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ name, areaId: areaId ? Number(areaId) : null }, { onSuccess: () => (setName(''), setAreaId(null)) });
      }}
    >
      <Group align="flex-end" gap="sm" mt="xs">
        <TextInput
          label={s.schoolName}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldProblem(add.error)}
          style={{ flex: '1 1 16rem' }}
        />
        <Select
          label={s.area}
          data={areas.map((area) => ({ value: String(area.id), label: area.name }))}
          value={areaId}
          onChange={setAreaId}
          placeholder={s.noArea}
          clearable
          style={{ flex: '0 1 14rem' }}
        />
        <Button type="submit" variant="light" leftSection={<IconPlus size={18} />} loading={add.isPending}>
          {s.addSchool}
        </Button>
      </Group>
    </form>
  );
}
