import { createContext, useContext } from 'react';

export interface Notifier {
  /** Shows a failed call (or any error) in the error snackbar. */
  notifyError(error: unknown): void;
  notifySuccess(message: string): void;
}

export interface Notice {
  id: number;
  /** 'forbidden': the signed-in user may not do that; shown as a refusal naming the rule, not as a failure. */
  severity: 'error' | 'forbidden' | 'success';
  message: string;
}

/** What the snackbar renders: kept apart from the notifier so the snackbar can sit inside the theme. */
export interface NoticeQueue {
  current: Notice | undefined;
  dismiss(id: number): void;
}

export const NotifyContext = createContext<Notifier | null>(null);
export const NoticeQueueContext = createContext<NoticeQueue | null>(null);

export function useNotify(): Notifier {
  const value = useContext(NotifyContext);
  if (!value) throw new Error('useNotify must be used inside NotifierProvider');
  return value;
}

export function useNoticeQueue(): NoticeQueue {
  const value = useContext(NoticeQueueContext);
  if (!value) throw new Error('useNoticeQueue must be used inside NotifierProvider');
  return value;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return String(error);
}
