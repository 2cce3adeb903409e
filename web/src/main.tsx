import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import { App, startFirstScreen } from './app/App.tsx';
import './styles.css';
import './offline/offline.css';
import { registerServiceWorker } from './offline/register.ts';

const queryClient = new QueryClient({
  // offlineFirst: without a network a read still goes out once, and the service worker answers it
  // from what the device kept; a report goes to the outbox instead of being held back.
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000, networkMode: 'offlineFirst' }, mutations: { networkMode: 'offlineFirst' } },
});

startFirstScreen();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

registerServiceWorker();
