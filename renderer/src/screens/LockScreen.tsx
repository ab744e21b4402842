import { Alert, Anchor, Button, Card, Center, Container, Loader, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconClockPause, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { Suspense, useState } from 'react';
import { useChannelMutation } from '../api';
import { t } from '../i18n';
import { lazyScreen } from '../lazyScreen';
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

// Choosing a new passphrase (with its strength meter) is rare on this screen: its form loads when needed,
// so the first screen stays as small as it was.
type RecoverProps = { keyringMissing: boolean; onBack?: () => void };
type FirstPassphraseProps = { onRecoveryKey: (key: string) => void };
const LazyRecover = lazyScreen<'Recover', RecoverProps>(() => import('./lock/NewPassphraseForms'), 'Recover');
const LazyFirstPassphrase = lazyScreen<'FirstPassphrase', FirstPassphraseProps>(
  () => import('./lock/NewPassphraseForms'),
  'FirstPassphrase',
);

function Recover(props: RecoverProps) {
  return (
    <Suspense fallback={<Loader size="sm" />}>
      <LazyRecover {...props} />
    </Suspense>
  );
}

function FirstPassphrase(props: FirstPassphraseProps) {
  return (
    <Suspense fallback={<Loader size="sm" />}>
      <LazyFirstPassphrase {...props} />
    </Suspense>
  );
}
