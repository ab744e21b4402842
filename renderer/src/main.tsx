// No Mantine stylesheet here: index.html links Mantine's global styles first, and each component's
// CSS comes with the chunk that uses it (electron.vite.config.ts), so the first screen loads only its own.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchFirstScreen } from './prefetch';
import { cssVariablesResolver, theme } from './theme';

const queryClient = new QueryClient({
  // Local IPC, no network: no retries or refetch-on-focus storms.
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

prefetchFirstScreen(queryClient, window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
