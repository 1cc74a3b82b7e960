import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../../app/contract';
import { useNotify } from '../notify/notify-context';
import { invalidateChannels } from './backend-events';
import { call } from './call';
import { shouldReport, type ReportErrors } from './query-client';

export interface ChannelMutationOptions<C extends Channel> {
  /** The success notice, from the answer; null or omitted shows none. */
  success?(output: ChannelOutput<C>, input: ChannelInput<C>): string | null;
  /** Show failures in the snackbar (the default); a form that shows some failures at their field says which. */
  reportErrors?: ReportErrors;
  /**
   * Channels whose answers this change may have made stale, succeeded or not, where the backend announces nothing
   * (pitch versions, the models folder); changes it announces reach the cache through its events.
   */
  invalidates?: readonly Channel[];
}

/**
 * A change sent through one channel, with its success or failure notice and the answers it makes stale.
 * isPending stands for the busy flag pages used to keep by hand.
 */
export function useChannelMutation<C extends Channel>(
  channel: C,
  options: ChannelMutationOptions<C> = {},
): UseMutationResult<ChannelOutput<C>, Error, ChannelInput<C>> {
  const { notifyError, notifySuccess } = useNotify();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onSuccess: (output, input) => {
      const message = options.success?.(output, input);
      if (message) notifySuccess(message);
    },
    onError: (error) => {
      if (shouldReport(options.reportErrors, error)) notifyError(error);
    },
    onSettled: () => {
      if (options.invalidates) invalidateChannels(client, options.invalidates);
    },
  });
}
