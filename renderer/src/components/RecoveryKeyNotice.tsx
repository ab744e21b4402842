import { Alert, Box, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy, IconKey, IconPrinter } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useChannel } from '../api';
import { formatShortDate, t } from '../i18n';
import classes from './RecoveryKeyNotice.module.css';

const r = t.recoveryKey;

/** Today as an ISO date in the computer's own time zone (the day the key was printed). */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Shows the recovery key once: in groups that never break, to copy or to print
 * on a sheet of its own, and asks for its last group back before going on, so
 * that nobody clicks past a key they did not keep. The app never shows it again.
 */
export function RecoveryKeyNotice({ recoveryKey, onStored }: { recoveryKey: string; onStored: () => void }) {
  const info = useChannel('app.info', undefined);
  const database = info.data?.database;
  // On the sheet: the school(s) of the file, or the region of a coordinator's file.
  const schools = database?.state === 'open' ? (database.region?.name ?? database.schools.map((school) => school.name).join(', ')) : '';
  const groups = recoveryKey.split('-');
  const clipboard = useClipboard({ timeout: 4000 });
  const [lastGroup, setLastGroup] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = lastGroup.trim().toUpperCase();
    if (!typed) return setProblem(r.checkEmpty);
    if (typed !== groups[groups.length - 1]) return setProblem(r.checkWrong);
    onStored();
  };
  const keyGroups = (size: 'screen' | 'print') => (
    <div className={classes.key} data-size={size} data-testid={size === 'screen' ? 'recovery-key' : 'recovery-key-print'}>
      {groups.map((group, index) => (
        // The dash stays with its group, so a line only ever breaks after it.
        <span key={index} className={classes.group}>
          {group}
          {index < groups.length - 1 ? '-' : ''}
        </span>
      ))}
    </div>
  );
  return (
    <>
      <Stack maw={720} mx="auto" py="xl" px="md" className={classes.screen}>
        <Title order={1}>{t.lock.recoveryTitle}</Title>
        <Alert color="yellow" icon={<IconKey aria-hidden />}>
          <Text>{t.lock.recoveryIntro}</Text>
        </Alert>
        <Box role="group" aria-label={r.groupsLabel(groups.length)}>
          {keyGroups('screen')}
        </Box>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={clipboard.copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
            onClick={() => clipboard.copy(recoveryKey)}
          >
            {clipboard.copied ? r.copied : r.copy}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
            {r.printView}
          </Button>
        </Group>
        <Text size="sm" role="status" c={clipboard.error ? 'red.9' : 'teal.9'}>
          {clipboard.error ? r.copyFailed : clipboard.copied ? r.copiedHint : ''}
        </Text>
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {r.checkTitle}
            </Title>
            <Text size="sm">{r.checkText}</Text>
            <Group align="flex-start" gap="xs">
              <TextInput
                label={r.checkLabel}
                value={lastGroup}
                onChange={(event) => (setLastGroup(event.currentTarget.value), setProblem(null))}
                error={problem}
                maxLength={12}
                ff="monospace"
                autoComplete="off"
                spellCheck={false}
                w={260}
              />
            </Group>
            <Group justify="flex-end">
              <Button type="submit">{t.lock.stored}</Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      {/* The sheet window.print() prints: the key with the school and the date, nothing else of the app. */}
      <div className={classes.sheet} data-testid="recovery-sheet">
        <h1>{r.printTitle}</h1>
        {schools && <p className={classes.school}>{schools}</p>}
        <p>{r.printMade(formatShortDate(localToday()))}</p>
        {keyGroups('print')}
        <p>{r.printInstruction}</p>
      </div>
    </>
  );
}
