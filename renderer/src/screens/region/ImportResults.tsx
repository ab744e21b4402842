import { Badge, Card, CloseButton, Group, Paper, Stack, Text, Title, type MantineColor } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { t } from '../../i18n';
import { periodLabel } from './periodLabel';
import type { ShownResult } from './types';

const s = t.regio.screens.results;

const colors: Record<ShownResult['outcome'], MantineColor> = {
  stored: 'teal',
  replaced: 'teal',
  older: 'gray',
  duplicate: 'gray',
  unknownSigner: 'yellow',
  refused: 'red',
};

/** The short name of what happened, as the guide's table lists them. */
function label(result: ShownResult): string {
  if (result.dismissed) return s.outcome.dismissed;
  if (result.outcome === 'refused') return s.refused[result.reason ?? ''] ?? s.refusedOther;
  return s.outcome[result.outcome];
}

/** What became of each file of the last import: its own Dutch message, and the school and period where known. */
export function ImportResults({ results, ignored, onClose }: { results: ShownResult[]; ignored: number; onClose: () => void }) {
  const card = useRef<HTMLElement>(null);
  // A new import's results come into view, also in a small window where the intro fills the screen.
  // (A block body: newer Chromium's scrollIntoView returns a promise, which React would take for a cleanup.)
  useEffect(() => {
    card.current?.scrollIntoView({ block: 'nearest' });
  }, [results.length, ignored]);
  return (
    <Card withBorder component="section" aria-labelledby="import-results-title" ref={card}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Title order={3} id="import-results-title">
          {s.title}
        </Title>
        <CloseButton aria-label={s.close} onClick={onClose} />
      </Group>
      <Text size="sm" mb="xs">
        {results.length === 0 ? s.none : s.files(results.length)}
        {ignored > 0 && ` ${s.ignored(ignored)}`}
      </Text>
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {results.map((result, index) => {
          const school = result.schoolName ?? result.signer?.schoolName;
          return (
            <Paper component="li" withBorder p="xs" key={`${result.fileName}-${index}`} aria-label={result.fileName}>
              <Group gap="xs" wrap="wrap" align="center">
                <Badge variant="light" color={result.dismissed ? 'gray' : colors[result.outcome]} style={{ flexShrink: 0 }}>
                  {label(result)}
                </Badge>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {result.fileName}
                </Text>
              </Group>
              {school && result.period && (
                <Text size="sm" c="dimmed" mt={2}>
                  {s.of(school, periodLabel(result.period))}
                </Text>
              )}
              <Text size="sm" mt={2}>
                {result.dismissed ? s.dismissedMessage : result.message}
              </Text>
            </Paper>
          );
        })}
      </Stack>
    </Card>
  );
}
