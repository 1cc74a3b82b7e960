import type { LlmStatus } from '../../../app/contract';
import { useChannelQuery } from './use-channel-query';

/**
 * The one loaded language model as the backend last reported it: asked once, then kept current by its 'llm:status'
 * events (load progress, loaded, unloaded, failed). Undefined until the first answer; null when the backend cannot
 * say (the caller shows nothing rather than a wrong state).
 */
export function useLlmStatus(): LlmStatus | null | undefined {
  const query = useChannelQuery('llm:status', {}, { reportErrors: false });
  return query.data ?? (query.isError ? null : undefined);
}
