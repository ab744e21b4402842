import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useChannelMutation } from '../../api';
import { t } from '../../i18n';
import { Section } from './Section';
import type { ChairItemData } from './types';

/** The two-week effect check for child and family: yes, partly or no, with a note. */
export function Effect({ item }: { item: ChairItemData }) {
  const record = useChannelMutation('chair.recordEffect');
  const [result, setResult] = useState<string>(item.effectCheck?.result ?? '');
  const [note, setNote] = useState(item.effectCheck?.note ?? '');
  return (
    <Section title={t.chair.effect}>
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t.chair.effect}
          value={result}
          onChange={setResult}
          data={(['yes', 'partly', 'no'] as const).map((value) => ({ value, label: t.chair.effectResults[value] }))}
        />
        <TextInput label={t.chair.effectNote} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        {record.error && (
          <Text c="red.9" size="sm" role="alert">
            {record.error.message}
          </Text>
        )}
        <Group justify="space-between">
          {record.isSuccess ? (
            <Text size="sm" c="teal.9">
              {t.chair.effectSaved}
            </Text>
          ) : (
            <span />
          )}
          <Button
            variant="light"
            disabled={!result}
            onClick={() => record.mutate({ agendaItemId: item.id, result: result as 'yes' | 'partly' | 'no', note })}
          >
            {t.chair.effectSave}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
