import { useCallback, useMemo, useState, type ReactNode } from 'react';
import {
  describeError,
  NoticeQueueContext,
  NotifyContext,
  type Notice,
  type NoticeQueue,
  type Notifier,
} from './notify-context';

let nextNoticeId = 1;

/** A backend answer that the signed-in user may not do this (its contract code), as opposed to a failure. */
const isRefusal = (error: unknown) =>
  error instanceof Error && (error as Error & { code?: unknown }).code === 'forbidden';

/** Collects notices from anywhere in the app; NoticeSnackbar shows them one at a time. */
export function NotifierProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<Notice[]>([]);

  const push = useCallback((severity: Notice['severity'], message: string) => {
    setQueue((q) => {
      // The same failure repeated (a refetch loop, a double click) is shown once.
      if (q.some((n) => n.message === message && n.severity === severity)) return q;
      return [...q, { id: nextNoticeId++, severity, message }];
    });
  }, []);

  const notifier = useMemo<Notifier>(
    () => ({
      notifyError: (error) => push(isRefusal(error) ? 'forbidden' : 'error', describeError(error)),
      notifySuccess: (message) => push('success', message),
    }),
    [push],
  );

  const dismiss = useCallback((id: number) => setQueue((q) => q.filter((n) => n.id !== id)), []);
  const noticeQueue = useMemo<NoticeQueue>(() => ({ current: queue[0], dismiss }), [queue, dismiss]);

  return (
    <NotifyContext.Provider value={notifier}>
      <NoticeQueueContext.Provider value={noticeQueue}>{children}</NoticeQueueContext.Provider>
    </NotifyContext.Provider>
  );
}
