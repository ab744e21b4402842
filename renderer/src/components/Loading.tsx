import { Center, Loader } from '@mantine/core';
import { t } from '../i18n';

/** A loader screen readers announce: on the whole window before the app knows its state, or in the page while a screen's code loads. */
export function Loading({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Center {...(fullScreen ? { h: '100vh' } : { py: 'xl' })} role="status" aria-label={t.app.loading}>
      <Loader />
    </Center>
  );
}
