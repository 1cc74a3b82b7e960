import { useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../app/contract';
import { call } from './call';
import type { ReportErrors } from './query-client';
import { channelKey } from './query-keys';

export interface ChannelQueryOptions {
  /** Skip the call (for example while an id is missing). */
  enabled?: boolean;
  /** Show failures in the snackbar (the default); a page that explains some failures in place says which to show. */
  reportErrors?: ReportErrors;
}

/**
 * One channel's answer for one input, cached under [channel, input] and refetched when the backend says what it
 * shows has changed (see backend-events.ts).
 */
export function useChannelQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: ChannelQueryOptions = {},
): UseQueryResult<ChannelOutput<C>> {
  return useQuery({
    queryKey: channelKey(channel, input),
    queryFn: () => call(channel, input),
    enabled: options.enabled ?? true,
    meta: { reportErrors: options.reportErrors ?? true },
  });
}

/**
 * Asks a channel afresh now, outside a component's render (a "reload" button), and puts the answer in the
 * cache so every screen showing it gets it too.
 */
export function fetchChannel<C extends Channel>(
  client: QueryClient,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  return client.fetchQuery({ queryKey: channelKey(channel, input), queryFn: () => call(channel, input), staleTime: 0 });
}
