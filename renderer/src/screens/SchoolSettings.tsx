import { Badge, Button, Card, CloseButton, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../api';
import { BackupsPanel } from '../components/backups/BackupsPanel';
import { QueryState } from '../components/QueryState';
import { RegionRecipientPanel } from '../components/regio/RegionRecipientPanel';
import { SecurityPanel } from '../components/SecurityPanel';
import { t } from '../i18n';
import { useSchool } from '../school';

/** School profile: name, the editable lists of themes, success factors and obstacles, the regiocoördinator's certificate; security and backups of the installation. */
export function SchoolSettings() {
  const { current } = useSchool();
  const rename = useChannelMutation('schools.rename');
  const [name, setName] = useState(current.name);
  // The name can change underneath the form (a restored backup, another school chosen): show the current one.
  const [shownName, setShownName] = useState(current.name);
  if (shownName !== current.name) {
    setShownName(current.name);
    setName(current.name);
  }
  return (
    <Stack gap="lg">
      <Title order={2}>{t.school.title}</Title>
      <Card withBorder>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ schoolId: current.id, name });
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t.school.name}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={rename.error?.error.fields?.[0]?.message ?? rename.error?.message}
              // At least room for a long school name: in a narrow window the button goes below.
              style={{ flex: '1 1 20rem' }}
            />
            <Button type="submit">{t.school.save}</Button>
          </Group>
          {rename.isSuccess && (
            <Text size="sm" c="teal.9" mt={4}>
              {t.school.saved}
            </Text>
          )}
        </form>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Themes schoolId={current.id} />
        <Tags schoolId={current.id} />
      </SimpleGrid>
      <RegionRecipientPanel schoolId={current.id} />
      <SecurityPanel />
      <BackupsPanel />
    </Stack>
  );
}

function Themes({ schoolId }: { schoolId: number }) {
  const themes = useChannel('themes.list', { schoolId });
  const add = useChannelMutation('themes.add');
  const setActive = useChannelMutation('lists.setActive');
  const [name, setName] = useState('');
  return (
    <Card withBorder>
      <Title order={3}>{t.school.themes}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t.school.themesHelp}
      </Text>
      <QueryState query={themes}>
        {(list) => (
          <Group gap="xs" aria-label={t.school.themes} role="list">
            {list.map((theme) => (
              <Badge
                key={theme.id}
                role="listitem"
                variant="light"
                size="lg"
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={`${t.school.switchOff}: ${theme.name}`}
                    onClick={() => setActive.mutate({ kind: 'theme', id: theme.id, active: false })}
                  />
                }
              >
                {theme.name}
              </Badge>
            ))}
          </Group>
        )}
      </QueryState>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ schoolId, name }, { onSuccess: () => setName('') });
        }}
      >
        <Group mt="md" align="flex-end">
          <TextInput
            label={t.school.newTheme}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={add.error?.error.fields?.[0]?.message}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light">
            {t.school.add}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function Tags({ schoolId }: { schoolId: number }) {
  const tags = useChannel('tags.list', { schoolId });
  const add = useChannelMutation('tags.add');
  const setActive = useChannelMutation('lists.setActive');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'success_factor' | 'obstacle'>('success_factor');
  const [category, setCategory] = useState('');
  return (
    <Card withBorder>
      <Title order={3}>{t.school.tags}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t.school.tagsHelp}
      </Text>
      <QueryState query={tags}>
        {(list) => (
          <Stack gap={4}>
            {list.map((tag) => (
              <Group key={tag.id} justify="space-between" wrap="nowrap">
                <Group gap="xs">
                  <Badge size="sm" variant="light" color={tag.kind === 'obstacle' ? 'red' : 'teal'}>
                    {t.school.kinds[tag.kind]}
                  </Badge>
                  <Text size="sm">{tag.name}</Text>
                  {tag.category && (
                    <Text size="xs" c="dimmed">
                      ({tag.category})
                    </Text>
                  )}
                </Group>
                <CloseButton
                  size="sm"
                  aria-label={`${t.school.switchOff}: ${tag.name}`}
                  onClick={() => setActive.mutate({ kind: 'tag', id: tag.id, active: false })}
                />
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ schoolId, kind, name, category }, { onSuccess: () => setName('') });
        }}
      >
        <Stack gap="xs" mt="md">
          <TextInput
            label={t.school.newTag}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={add.error?.error.fields?.[0]?.message}
          />
          <Group grow>
            <Select
              label={t.school.kind}
              data={(['success_factor', 'obstacle'] as const).map((value) => ({ value, label: t.school.kinds[value] }))}
              value={kind}
              onChange={(value) => value && setKind(value as 'success_factor' | 'obstacle')}
              allowDeselect={false}
            />
            <TextInput label={t.school.category} value={category} onChange={(event) => setCategory(event.currentTarget.value)} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" variant="light">
              {t.school.add}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
