import { useSyncExternalStore } from 'react';
import { hrefFor, parseHash, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current route, re-read whenever the hash changes (links, Back, Forward). */
export function useRoute(): Route {
  return parseHash(useSyncExternalStore(subscribe, getHash));
}

/** Pushes a history entry, so Back returns to where the advisor came from. */
export function navigate(route: Exclude<Route, { name: 'not-found' }>): void {
  window.location.hash = hrefFor(route);
}
