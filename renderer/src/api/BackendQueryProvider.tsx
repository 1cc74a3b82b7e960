import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { getBridge } from '../bridge/bridge';
import { useNotify } from '../notify/notify-context';
import { followBackendEvents } from './backend-events';
import { createBackendQueryClient } from './query-client';

/** Holds the app's one cache of backend answers and keeps it in step with what the backend pushes. */
export function BackendQueryProvider({ children }: { children: ReactNode }) {
  const { notifyError } = useNotify();
  const [client] = useState(() => createBackendQueryClient(notifyError));
  useEffect(() => {
    try {
      return followBackendEvents(getBridge(), client);
    } catch {
      // No bridge: every call already reports that; there is nothing to listen to.
      return undefined;
    }
  }, [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
