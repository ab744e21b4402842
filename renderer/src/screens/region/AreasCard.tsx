import { Button, Card, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../../api';
import { QueryState } from '../../components/QueryState';
import { t } from '../../i18n';
import { ConfirmDialog, RenameDialog, RenameRemoveButtons } from './RenameDialog';
import { fieldProblem, type Area } from './types';

const s = t.regio.screens.schools;

/** The gebieden (buurt, wijk, onderzoeksgebied): add, rename, remove; removing one leaves its schools without gebied. */
export function AreasCard() {
  const areas = useChannel('region.areas.list', undefined);
  const add = useChannelMutation('region.areas.add');
  const rename = useChannelMutation('region.areas.rename');
  const remove = useChannelMutation('region.areas.remove');
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<Area | null>(null);
  const [removing, setRemoving] = useState<Area | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="region-areas-title">
      <Title order={3} id="region-areas-title" mb="xs">
        {s.areasTitle}
      </Title>
      <QueryState query={areas}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{s.areasEmpty}</Text>
          ) : (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={s.areasTitle}>
              {list.map((area) => (
                <Paper component="li" withBorder p="xs" key={area.id} aria-label={area.name}>
                  <Group justify="space-between" gap="xs">
                    <Group gap="sm" align="baseline">
                      <Text fw={600}>{area.name}</Text>
                      <Text size="sm" c="dimmed">
                        {s.areaSchools(area.schools)}
                      </Text>
                    </Group>
                    <RenameRemoveButtons
                      name={area.name}
                      onRename={() => (rename.reset(), setRenaming(area))}
                      onRemove={() => (remove.reset(), setRemoving(area))}
                    />
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ name }, { onSuccess: () => setName('') });
        }}
      >
        <Group align="flex-end" gap="sm" mt="sm">
          <TextInput
            label={s.areaName}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldProblem(add.error)}
            style={{ flex: '1 1 16rem' }}
          />
          <Button type="submit" variant="light" leftSection={<IconPlus size={18} />} loading={add.isPending}>
            {s.addArea}
          </Button>
        </Group>
      </form>
      {renaming && (
        <RenameDialog
          title={s.renameAreaTitle}
          name={renaming.name}
          onSave={(value) => rename.mutate({ areaId: renaming.id, name: value }, { onSuccess: () => setRenaming(null) })}
          onClose={() => setRenaming(null)}
          pending={rename.isPending}
          error={fieldProblem(rename.error)}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={s.removeAreaTitle}
          text={s.removeAreaText(removing.name, removing.schools)}
          confirmLabel={s.remove}
          onConfirm={() => remove.mutate({ areaId: removing.id }, { onSuccess: () => setRemoving(null) })}
          onClose={() => setRemoving(null)}
          pending={remove.isPending}
          error={remove.error?.message}
        />
      )}
    </Card>
  );
}
