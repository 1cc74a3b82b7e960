import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../../app/contract';
import { getBridge } from '../bridge/bridge';

/**
 * Calls listener for every event of one kind the backend pushes (model load progress, download progress, pitch
 * text) while the component is mounted. The latest listener is used, so an inline function does not resubscribe.
 */
export function useBridgeEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const listenerRef = useRef(listener);
  listenerRef.current = listener;
  useEffect(() => {
    try {
      return getBridge().on(event, (payload) => listenerRef.current(payload));
    } catch {
      // No bridge: calls already report that; there is nothing to listen to.
      return undefined;
    }
  }, [event]);
}
