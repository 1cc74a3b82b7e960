import { useEffect, useState } from 'react';
import type { LlmStatus } from '../../../app/contract';
import { call } from './call';
import { useBridgeEvent } from './use-bridge-event';

/**
 * The one loaded language model as the backend last reported it: asked once, then kept current by 'llm:status'
 * events (load progress, loaded, unloaded, failed). Undefined until the first answer; null when the backend cannot
 * say (the caller shows nothing rather than a wrong state).
 */
export function useLlmStatus(): { status: LlmStatus | null | undefined; refresh(): void } {
  const [status, setStatus] = useState<LlmStatus | null | undefined>(undefined);
  const [token, setToken] = useState(0);
  useEffect(() => {
    let live = true;
    call('llm:status', {}).then(
      (value) => live && setStatus(value),
      () => live && setStatus((s) => s ?? null),
    );
    return () => {
      live = false;
    };
  }, [token]);
  useBridgeEvent('llm:status', (payload) => setStatus(payload));
  return { status, refresh: () => setToken((n) => n + 1) };
}
