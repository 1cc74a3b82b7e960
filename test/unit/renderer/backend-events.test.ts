import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload, LlmStatus, RetrainStatus } from '../../../app/contract';
import { followBackendEvents, isAffected } from '../../../renderer/src/api/backend-events';
import { channelKey } from '../../../renderer/src/api/query-keys';

/** A bridge whose events the test pushes by hand. */
function fakeBridge() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    push<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

/** A cache holding one answer per key, none of them stale yet. */
function cacheWith(...keys: ReturnType<typeof channelKey>[]): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  for (const key of keys) client.setQueryData(key, {});
  return client;
}

const stale = (client: QueryClient, key: ReturnType<typeof channelKey>) =>
  client.getQueryCache().find({ queryKey: key, exact: true })?.state.isInvalidated ?? false;

describe('answers invalidated by the backend events', () => {
  it("a change to one client refetches that client's answers and every list, not another client's", () => {
    const change = { entity: 'clients', id: 'c1' } as const;
    expect(isAffected(channelKey('clients:get', { id: 'c1' }), change)).toBe(true);
    expect(isAffected(channelKey('clients:get', { id: 'c2' }), change)).toBe(false);
    expect(isAffected(channelKey('recommendations:for-client', { clientId: 'c1', top: 10 }), change)).toBe(true);
    expect(isAffected(channelKey('recommendations:for-client', { clientId: 'c2', top: 10 }), change)).toBe(false);
    expect(isAffected(channelKey('clients:list', { search: 'x' }), change)).toBe(true);
    expect(isAffected(channelKey('products:list', {}), change)).toBe(false);
  });

  it('a change without an id, or to everything, reaches every answer that shows it', () => {
    expect(isAffected(channelKey('recommendations:for-client', { clientId: 'c2' }), { entity: 'model' })).toBe(true);
    expect(isAffected(channelKey('rules:versions', {}), { entity: 'rules' })).toBe(true);
    expect(isAffected(channelKey('rules:versions', {}), { entity: 'clients' })).toBe(false);
    expect(isAffected(channelKey('llm:models', {}), { entity: 'all' })).toBe(true);
  });

  it("marks the affected cached answers stale on 'data:changed' and stops listening when told", () => {
    const bridge = fakeBridge();
    const mine = channelKey('deviations:list', { clientId: 'c1' });
    const theirs = channelKey('deviations:list', { clientId: 'c2' });
    const client = cacheWith(mine, theirs);
    const stop = followBackendEvents(bridge, client);
    bridge.push('data:changed', { entity: 'deviations', id: 'c1' });
    expect(stale(client, mine)).toBe(true);
    expect(stale(client, theirs)).toBe(false);
    stop();
    expect(bridge.count()).toBe(0);
  });

  it('takes a pushed status as the answer itself, and folds signals progress into the running retrain', () => {
    const bridge = fakeBridge();
    const client = cacheWith();
    followBackendEvents(bridge, client);
    const status = { state: 'loaded', path: '/m/a.gguf' } as LlmStatus;
    bridge.push('llm:status', status);
    expect(client.getQueryData(channelKey('llm:status', {}))).toBe(status);

    const running: RetrainStatus = {
      languageModel: true,
      file: 'a.gguf',
      done: null,
      total: null,
      startedAt: '2026-01-01T00:00:00Z',
    };
    bridge.push('model:retrain-state', running);
    bridge.push('model:signals-progress', { done: 3, total: 9, file: 'a.gguf' });
    expect(client.getQueryData(channelKey('model:retrain-status', {}))).toEqual({ ...running, done: 3, total: 9 });
    bridge.push('model:retrain-state', null);
    bridge.push('model:signals-progress', { done: 9, total: 9, file: 'a.gguf' });
    expect(client.getQueryData(channelKey('model:retrain-status', {}))).toBeNull();
  });

  it('a finished draft refetches that draft and the lists; a finished download the model files', () => {
    const bridge = fakeBridge();
    const draft = channelKey('pitch:get', { draftId: 'd1' });
    const other = channelKey('pitch:get', { draftId: 'd2' });
    const list = channelKey('pitch:list', { clientId: 'c1' });
    const files = channelKey('llm:models', {});
    const client = cacheWith(draft, other, list, files);
    followBackendEvents(bridge, client);
    bridge.push('pitch:done', { requestId: 'r', draftId: 'd1', outcome: 'completed', version: 2, error: null });
    expect([stale(client, draft), stale(client, other), stale(client, list)]).toEqual([true, false, true]);
    bridge.push('llm:download', { id: 'm', state: 'downloading', downloadedBytes: 1, totalBytes: 2, error: null });
    expect(stale(client, files)).toBe(false);
    bridge.push('llm:download', { id: 'm', state: 'completed', downloadedBytes: 2, totalBytes: 2, error: null });
    expect(stale(client, files)).toBe(true);
  });
});
