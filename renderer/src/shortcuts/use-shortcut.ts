import { useEffect, useRef } from 'react';
import { shortcutRegistry, type ShortcutId } from './shortcut-registry';

/**
 * Answers a keyboard shortcut while the calling component is on screen and `enabled` is true. The newest
 * registration wins, so a page's handler takes over from the app-wide one and gives it back when it leaves.
 */
export function useShortcut(id: ShortcutId, handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    return shortcutRegistry.register(id, () => latest.current());
  }, [id, enabled]);
}

/** Listens for keys on the window and hands them to the registry; mounted once, by the app frame. */
export function useShortcutListener(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.isComposing) return;
      if (shortcutRegistry.dispatch(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

let searchFocusPending = false;

/** Asks the client list to focus its search box when it next shows (the search shortcut from another page). */
export function requestSearchFocus(): void {
  searchFocusPending = true;
}

/** True once after `requestSearchFocus`. */
export function takeSearchFocusRequest(): boolean {
  const pending = searchFocusPending;
  searchFocusPending = false;
  return pending;
}
