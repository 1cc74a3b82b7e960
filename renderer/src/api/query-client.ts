import { QueryCache, QueryClient } from '@tanstack/react-query';

/** Whether a failure is shown in the snackbar: pages that explain some failures in place (not found) say which. */
export type ReportErrors = boolean | ((error: unknown) => boolean);

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { reportErrors?: ReportErrors };
  }
}

export function shouldReport(report: ReportErrors | undefined, error: unknown): boolean {
  return typeof report === 'function' ? report(error) : report !== false;
}

/**
 * The cache of backend answers. The backend is on this machine and pushes what changed, so nothing refetches on a
 * timer, on focus or on reconnect, and nothing is retried: a failure is a contract answer (not found, validation,
 * unavailable) that the advisor should see at once, not after a few silent attempts.
 */
export function createBackendQueryClient(notifyError: (error: unknown) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      // Once per failed fetch, however many components show the answer.
      onError: (error, query) => {
        if (shouldReport(query.meta?.reportErrors, error)) notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // Stale at once, so a page opened again shows what it had and asks afresh (the CLI may have written since).
        staleTime: 0,
      },
      mutations: { retry: false },
    },
  });
}
