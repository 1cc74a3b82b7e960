import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../app/contract';
import { useNotify } from '../notify/notify-context';
import { call } from './call';
import { concerns, onDataChanged, type DataEntity } from './data-changed';

export interface BackendQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

export interface BackendQueryOptions {
  /** Refetch when the backend says one of these changed. */
  entities: readonly DataEntity[];
  /** Skip the call (for example while an id is missing). */
  enabled?: boolean;
  /** Show failures in the snackbar; pages that explain some failures inline (not found) say which to show. */
  reportErrors?: boolean | ((error: unknown) => boolean);
}

/**
 * Loads one channel's answer and keeps it fresh: refetches when the input changes, when reload() is called
 * and when a matching 'data:changed' arrives. Answers that arrive out of order are dropped.
 */
export function useBackend<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: BackendQueryOptions,
): BackendQuery<ChannelOutput<C>> {
  const { notifyError } = useNotify();
  const key = `${channel}:${JSON.stringify(input)}`;
  const enabled = options.enabled ?? true;
  // Held in a ref: a predicate written inline would otherwise refetch on every render.
  const reportErrorsRef = useRef(options.reportErrors ?? true);
  reportErrorsRef.current = options.reportErrors ?? true;
  const entitiesKey = options.entities.join(',');

  const [state, setState] = useState<{ key: string; data?: ChannelOutput<C>; error?: unknown; loading: boolean }>({
    key,
    loading: enabled,
  });
  const [token, setToken] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  const sequence = useRef(0);

  const reload = useCallback(() => setToken((n) => n + 1), []);

  useEffect(() => {
    if (!enabled) return;
    const mine = ++sequence.current;
    setState((s) => (s.key === key ? { ...s, loading: true } : { key, loading: true }));
    call(channel, inputRef.current).then(
      (data) => {
        if (mine === sequence.current) setState({ key, data, loading: false });
      },
      (error: unknown) => {
        if (mine !== sequence.current) return;
        setState((s) => ({ key, data: s.key === key ? s.data : undefined, error, loading: false }));
        const report = reportErrorsRef.current;
        if (report === true || (typeof report === 'function' && report(error))) notifyError(error);
      },
    );
  }, [channel, key, token, enabled, notifyError]);

  useEffect(() => {
    const entities = entitiesKey.split(',') as DataEntity[];
    return onDataChanged((payload) => {
      if (concerns(payload, entities)) reload();
    });
  }, [entitiesKey, reload]);

  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: enabled && (!current || state.loading),
    reload,
  };
}
