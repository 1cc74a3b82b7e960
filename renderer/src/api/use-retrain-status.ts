import type { RetrainStatus } from '../../../app/contract';
import { useChannelQuery } from './use-channel-query';

/**
 * The retrain the backend runs now, as it last reported it: asked on mount, then kept current by
 * 'model:retrain-state' (started, ended) and 'model:signals-progress'. So a page opened during a retrain, after
 * navigating away and back or in a second window, shows it. Null when none runs or the backend cannot say (the
 * page then offers Retrain; the backend still runs retrains one at a time).
 */
export function useRetrainStatus(): RetrainStatus | null {
  return useChannelQuery('model:retrain-status', {}, { reportErrors: false }).data ?? null;
}
