import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { ChannelInput, PreparationJobView } from '../../../../../app/contract';
import { call } from '../../../api/call';
import { channelKey } from '../../../api/query-keys';
import { useBridgeEvent } from '../../../api/use-bridge-event';
import { useChannelQuery } from '../../../api/use-channel-query';
import { useNotify } from '../../../notify/notify-context';

const JOBS_INPUT = { limit: 10 } as const;

/** The latest preparation jobs, kept current by 'prepare:progress', with the actions on them. */
export function usePreparation(): {
  jobs: readonly PreparationJobView[];
  /** The job the panel shows: the running or paused one, else the newest. */
  current: PreparationJobView | null;
  start(input: ChannelInput<'prepare:start'>): Promise<PreparationJobView | null>;
  act(action: 'pause' | 'resume' | 'cancel', jobId: string): Promise<void>;
} {
  const client = useQueryClient();
  const { notifyError } = useNotify();
  const key = channelKey('prepare:jobs', JOBS_INPUT);
  const query = useChannelQuery('prepare:jobs', JOBS_INPUT);
  const put = useCallback(
    (view: PreparationJobView) =>
      client.setQueryData<PreparationJobView[]>(key, (jobs = []) => {
        const rest = jobs.filter((j) => j.id !== view.id);
        return [view, ...rest].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
      }),
    // The key is the same for every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client],
  );
  // The agenda's rows show each meeting's preparation: asked again as a client finishes or the job changes state.
  const seen = useRef(new Map<string, string>());
  useBridgeEvent('prepare:progress', (view) => {
    put(view);
    const mark = `${view.state} ${view.done} ${view.failed} ${view.items.findIndex((i) => i.status === 'working')}`;
    if (seen.current.get(view.id) === mark) return;
    seen.current.set(view.id, mark);
    void client.invalidateQueries({ queryKey: ['meetings:range'] });
  });
  const jobs = query.data ?? [];
  const current = jobs.find((j) => j.state === 'running' || j.state === 'paused') ?? jobs[0] ?? null;
  const start = useCallback(
    async (input: ChannelInput<'prepare:start'>) => {
      try {
        const view = await call('prepare:start', input);
        put(view);
        void client.invalidateQueries({ queryKey: ['meetings:range'] });
        return view;
      } catch (error) {
        notifyError(error);
        return null;
      }
    },
    [put, notifyError, client],
  );
  const act = useCallback(
    async (action: 'pause' | 'resume' | 'cancel', jobId: string) => {
      try {
        put(await call(`prepare:${action}`, { jobId }));
      } catch (error) {
        notifyError(error);
      }
    },
    [put, notifyError],
  );
  return { jobs, current, start, act };
}
