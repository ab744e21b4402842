import { ActionIcon, Button, Kbd, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useChannel } from '../api';
import { t } from '../i18n';
import { useSchool } from '../school';

/** Ctrl+K search over pupils, cases and notes (SQLite FTS5 in main); every hit opens its case. `compact`: the icon alone, for a narrow window. */
export function GlobalSearch({ compact = false }: { compact?: boolean }) {
  const { current } = useSchool();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const results = useChannel('search.query', { schoolId: current.id, text: debounced }, { enabled: debounced.length > 1 });
  const hits = debounced.length > 1 ? (results.data ?? []) : [];
  return (
    <>
      {compact ? (
        <Tooltip label={`${t.nav.search} (${t.search.hint})`}>
          <ActionIcon variant="default" size={36} aria-label={t.nav.search} onClick={spotlight.open}>
            <IconSearch size={18} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button
          variant="default"
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">{t.search.hint}</Kbd>}
          onClick={spotlight.open}
        >
          <Text size="sm" c="dimmed">
            {t.nav.search}
          </Text>
        </Button>
      )}
      <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} scrollable>
        <Spotlight.Search placeholder={t.search.placeholder} leftSection={<IconSearch size={18} />} aria-label={t.nav.search} />
        <Spotlight.ActionsList aria-label={t.nav.search}>
          {hits.map((hit) => (
            <Spotlight.Action
              key={`${hit.kind}-${hit.caseId ?? hit.pupilId}-${hit.snippet}`}
              label={`${hit.title} · ${hit.detail}`}
              description={`${t.search.kinds[hit.kind]}: ${hit.snippet.replace(/[[\]]/g, '')}`}
              onClick={() => void navigate(hit.caseId ? `/casussen/${hit.caseId}` : '/leerlingen')}
            />
          ))}
          {debounced.length > 1 && results.isSuccess && hits.length === 0 && <Spotlight.Empty>{t.search.nothing}</Spotlight.Empty>}
        </Spotlight.ActionsList>
      </Spotlight.Root>
    </>
  );
}
