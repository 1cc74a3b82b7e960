import type { EventPayload } from '../../../app/contract';
import { getBridge } from '../bridge/bridge';

export type DataEntity = EventPayload<'data:changed'>['entity'];
type Listener = (payload: EventPayload<'data:changed'>) => void;

const listeners = new Set<Listener>();
let unsubscribeBridge: (() => void) | null = null;

/**
 * One bridge subscription shared by every screen: each listener hears every 'data:changed'
 * and decides for itself whether the entity concerns it.
 */
export function onDataChanged(listener: Listener): () => void {
  listeners.add(listener);
  if (!unsubscribeBridge) {
    try {
      unsubscribeBridge = getBridge().on('data:changed', (payload) => {
        for (const l of [...listeners]) l(payload);
      });
    } catch {
      // No bridge: the failed calls already say so; there is nothing to listen to.
    }
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribeBridge) {
      unsubscribeBridge();
      unsubscribeBridge = null;
    }
  };
}

export function concerns(payload: EventPayload<'data:changed'>, entities: readonly DataEntity[]): boolean {
  return payload.entity === 'all' || entities.includes(payload.entity);
}
