import type { SocketRefusal } from '../../../app/contract';

/** Whether browser mode let this page in; the Electron window is always `open`. */
export type BrowserSessionState = { state: 'open' } | { state: 'refused'; reason: SocketRefusal | 'no-address' };

let current: BrowserSessionState = { state: 'open' };
const listeners = new Set<() => void>();

export function browserSessionState(): BrowserSessionState {
  return current;
}

export function setBrowserSessionState(next: BrowserSessionState): void {
  current = next;
  for (const listener of listeners) listener();
}

export function subscribeBrowserSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const SESSION_KEY = 'advisor-desk.browser-session';

/**
 * The session browser mode gave this page, kept in localStorage: storage belongs to the exact origin
 * (port included), unlike a cookie, so a server on another port of 127.0.0.1 never sees it; and unlike
 * sessionStorage it is shared by the origin's tabs, so a reload or a second tab needs no new address. It is
 * worth nothing once browser mode stops or the session goes idle past its limit.
 */
export const storedSession = {
  read(): string | null {
    try {
      return localStorage.getItem(SESSION_KEY);
    } catch {
      return null;
    }
  },
  write(session: string): void {
    try {
      localStorage.setItem(SESSION_KEY, session);
    } catch {
      // Storage refused (a locked-down profile): this tab keeps working; a reload will need a new address.
    }
  },
  forget(): void {
    try {
      localStorage.removeItem(SESSION_KEY);
    } catch {
      // Nothing was stored.
    }
  },
};

/** Takes the one-time launch token out of the address, and the address bar, so it is not bookmarked or reused. */
export function takeLaunchToken(): string | null {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token === null) return null;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return token === '' ? null : token;
}
