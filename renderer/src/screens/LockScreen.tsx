import { Alert, Anchor, Button, Card, Center, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconClockPause, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useChannelMutation } from '../api';
import { t } from '../i18n';
import { lastLockReason } from '../useIdleLock';

type Locked = { state: 'locked'; demo: boolean; keyringMissing: boolean; demoPassphrase: string | null } | { state: 'unencrypted' };

/**
 * The only screen while the data is closed: no school, no name, no count.
 * Unlock with the passphrase, recover with the printed key, or (for a plain
 * database from before encryption) choose the first passphrase.
 */
export function LockScreen({ database, onRecoveryKey }: { database: Locked; onRecoveryKey: (key: string) => void }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>(
    database.state === 'locked' && database.keyringMissing ? 'recovery' : 'passphrase',
  );
  return (
    <Center mih="100vh" bg="gray.0">
      <Container size={480} w="100%">
        <Card withBorder padding="xl">
          <Stack>
            <Title order={1} size="h2">
              <IconLock size={26} style={{ verticalAlign: '-3px', marginRight: 8 }} />
              {database.state === 'unencrypted' ? t.lock.encryptTitle : t.lock.title}
            </Title>
            {/* Only an idle lock explains itself; after the lock button the title says it all. */}
            {database.state === 'locked' && lastLockReason() === 'idle' && (
              <Alert color="blue" icon={<IconClockPause />} role="status">
                {t.lock.autoLocked}
              </Alert>
            )}
            {database.state === 'unencrypted' ? (
              <FirstPassphrase onRecoveryKey={onRecoveryKey} />
            ) : mode === 'passphrase' ? (
              <Unlock demoPassphrase={database.demoPassphrase} onForgot={() => setMode('recovery')} />
            ) : (
              <Recover
                keyringMissing={database.keyringMissing}
                onBack={database.keyringMissing ? undefined : () => setMode('passphrase')}
              />
            )}
          </Stack>
        </Card>
      </Container>
    </Center>
  );
}

function Unlock({ demoPassphrase, onForgot }: { demoPassphrase: string | null; onForgot: () => void }) {
  const unlock = useChannelMutation('session.unlock');
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        unlock.mutate({ passphrase });
      }}
    >
      <Stack>
        <Text>{t.lock.intro}</Text>
        {demoPassphrase && (
          <Alert color="yellow" icon={<IconInfoCircle />}>
            {t.lock.demoHint(demoPassphrase)}
          </Alert>
        )}
        <PasswordInput
          label={t.lock.passphrase}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          error={unlock.error?.error.fields?.[0]?.message ?? unlock.error?.message}
          autoFocus
        />
        <Button type="submit" loading={unlock.isPending}>
          {t.lock.unlock}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onForgot}>
          {t.lock.forgot}
        </Anchor>
      </Stack>
    </form>
  );
}

function NewPassphrase({
  value,
  onChange,
  repeat,
  onRepeat,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  repeat: string;
  onRepeat: (v: string) => void;
  error?: string;
}) {
  return (
    <>
      <PasswordInput
        label={t.lock.newPassphrase}
        description={t.lock.passphraseTooShort}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
      />
      <PasswordInput
        label={t.lock.repeat}
        value={repeat}
        onChange={(event) => onRepeat(event.currentTarget.value)}
        error={repeat && repeat !== value ? t.lock.mismatch : undefined}
      />
    </>
  );
}

function Recover({ keyringMissing, onBack }: { keyringMissing: boolean; onBack?: () => void }) {
  const recover = useChannelMutation('session.recover');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (passphrase === repeat) recover.mutate({ recoveryKey, passphrase });
      }}
    >
      <Stack>
        {keyringMissing && <Alert color="red">{t.lock.keyringMissing}</Alert>}
        <TextInput
          label={t.lock.recoveryKey}
          value={recoveryKey}
          onChange={(event) => setRecoveryKey(event.currentTarget.value)}
          ff="monospace"
          autoFocus
        />
        <NewPassphrase value={passphrase} onChange={setPassphrase} repeat={repeat} onRepeat={setRepeat} />
        {recover.error && (
          <Text c="red.9" role="alert">
            {recover.error.error.fields?.[0]?.message ?? recover.error.message}
          </Text>
        )}
        <Button type="submit" loading={recover.isPending}>
          {t.lock.recover}
        </Button>
        {onBack && (
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            {t.lock.back}
          </Anchor>
        )}
      </Stack>
    </form>
  );
}

function FirstPassphrase({ onRecoveryKey }: { onRecoveryKey: (key: string) => void }) {
  const unlock = useChannelMutation('session.unlock');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (passphrase !== repeat) return;
        unlock.mutate({ passphrase }, { onSuccess: ({ recoveryKey }) => recoveryKey && onRecoveryKey(recoveryKey) });
      }}
    >
      <Stack>
        <Text>{t.lock.encryptIntro}</Text>
        <NewPassphrase value={passphrase} onChange={setPassphrase} repeat={repeat} onRepeat={setRepeat} error={unlock.error?.message} />
        <Button type="submit" loading={unlock.isPending}>
          {t.lock.encrypt}
        </Button>
      </Stack>
    </form>
  );
}
