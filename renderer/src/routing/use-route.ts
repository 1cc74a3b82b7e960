import { useSyncExternalStore } from 'react';
import { hrefFor, parseHash, type Route } from './routes';

/**
 * Asked before the route changes while a page holds something unsaved: answers false to hold the change, and then
 * calls `proceed` if the advisor chooses to leave after all.
 */
export type LeaveGuard = (proceed: () => void) => boolean;

let guard: LeaveGuard | null = null;
// The hash the app shows: a change a guard holds is put back before any page sees it.
let shown = typeof window === 'undefined' ? '' : window.location.hash;
const listeners = new Set<() => void>();

function onHashChange(): void {
  const next = window.location.hash;
  if (next === shown) return;
  if (guard) {
    const held = guard;
    const target = next;
    // Back where it was, without a hashchange of its own; the page asks, and goes on only if the advisor agrees.
    if (!held(() => leaveTo(target))) {
      window.history.replaceState(window.history.state, '', shown || '#');
      return;
    }
  }
  shown = next;
  for (const l of listeners) l();
}

function leaveTo(target: string): void {
  guard = null;
  window.location.hash = target;
}

function subscribe(onChange: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('hashchange', onHashChange);
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange);
  };
}

const getHash = (): string => {
  // Unguarded, the address is the truth (it may have changed before anything subscribed).
  if (!guard) shown = window.location.hash;
  return shown;
};

/** The current route, re-read whenever the hash changes (links, Back, Forward). */
export function useRoute(): Route {
  return parseHash(useSyncExternalStore(subscribe, getHash));
}

/** Pushes a history entry, so Back returns to where the advisor came from. */
export function navigate(route: Exclude<Route, { name: 'not-found' }>): void {
  window.location.hash = hrefFor(route);
}

/** Holds route changes while `g` is set (a page with unsaved work); returns the release. */
export function guardLeaving(g: LeaveGuard): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}
