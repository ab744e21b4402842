import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { useHotkeys, useOs } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { t } from '../i18n';
import { useLockNow } from '../useIdleLock';

/**
 * Locks the app now: a button with its label where the header has room, an
 * icon with a tooltip where it has not. Ctrl+L (Cmd+L on a Mac) does the same
 * anywhere, also while typing in a field, so notes never stay open when the
 * IB walks away.
 */
export function LockButton() {
  const lockNow = useLockNow();
  const mac = useOs({ getValueInEffect: false }) === 'macos';
  const keys = mac ? '⌘L' : 'Ctrl+L';
  const ariaKeys = mac ? 'Meta+L' : 'Control+L';
  // Nothing ignored: the shortcut works in text fields too (Ctrl+L does nothing there by itself).
  useHotkeys([['mod+L', () => void lockNow(), { preventDefault: true }]], [], true);
  const label = t.lock.lockNowWithKeys(keys);
  return (
    <>
      <Tooltip label={label}>
        <Button
          visibleFrom="lg"
          variant="subtle"
          leftSection={<IconLock size={18} />}
          aria-keyshortcuts={ariaKeys}
          onClick={() => void lockNow()}
        >
          {t.lock.lockNow}
        </Button>
      </Tooltip>
      <Tooltip label={label}>
        <ActionIcon
          hiddenFrom="lg"
          variant="subtle"
          size="lg"
          aria-label={t.lock.lockNow}
          aria-keyshortcuts={ariaKeys}
          onClick={() => void lockNow()}
        >
          <IconLock size={20} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
