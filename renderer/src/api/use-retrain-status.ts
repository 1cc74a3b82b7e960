import { useEffect, useState } from 'react';
import type { RetrainStatus } from '../../../app/contract';
import { call } from './call';
import { useBridgeEvent } from './use-bridge-event';

/**
 * The retrain the backend runs now, as it last reported it: asked once on mount, then kept current by
 * 'model:retrain-state' (started, ended) and 'model:signals-progress'. So a page opened during a retrain, after
 * navigating away and back or in a second window, shows it. Null when none runs or the backend cannot say.
 */
export function useRetrainStatus(): RetrainStatus | null {
  const [status, setStatus] = useState<RetrainStatus | null>(null);
  useEffect(() => {
    let live = true;
    call('model:retrain-status', {}).then(
      (value) => live && setStatus(value),
      // Not knowing, the page offers Retrain; the backend still runs retrains one at a time.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  useBridgeEvent('model:retrain-state', (payload) => setStatus(payload));
  useBridgeEvent('model:signals-progress', ({ done, total, file }) =>
    setStatus((s) => (s?.languageModel ? { ...s, done, total, file } : s)),
  );
  return status;
}
