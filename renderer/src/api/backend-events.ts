import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { AdvisorDeskBridge, Channel, EventPayload } from '../../../app/contract';
import { channelKey, channelOfKey, inputFieldOfKey } from './query-keys';

type DataChange = EventPayload<'data:changed'>;
type Entity = Exclude<DataChange['entity'], 'all'>;

/**
 * A channel whose answers show an entity. `idField` names the input field that must equal the event's id for the
 * answer to be affected; without it every answer of the channel is.
 */
interface Shows {
  channel: Channel;
  idField?: string;
}

const everyAnswer = (channel: Channel): Shows => ({ channel });
const perClient = (channel: Channel, idField = 'clientId'): Shows => ({ channel, idField });

/**
 * Which answers go stale when the backend says an entity changed. The ids of 'clients', 'interactions' and
 * 'deviations' events are client ids: a change to one client refetches only that client's answers.
 */
const SHOWN_BY: Record<Entity, readonly Shows[]> = {
  clients: [
    everyAnswer('clients:list'),
    perClient('clients:get', 'id'),
    perClient('recommendations:for-client'),
    perClient('deviations:list'),
    perClient('deviations:preview'),
    perClient('pitch:list'),
    everyAnswer('meetings:upcoming'),
    everyAnswer('meetings:range'),
    everyAnswer('data:summary'),
    everyAnswer('app:info'),
  ],
  products: [
    everyAnswer('products:list'),
    { channel: 'products:get', idField: 'id' },
    everyAnswer('clients:get'),
    everyAnswer('recommendations:for-client'),
    everyAnswer('deviations:list'),
    everyAnswer('deviations:preview'),
    everyAnswer('pitch:list'),
    everyAnswer('data:summary'),
    everyAnswer('app:info'),
  ],
  meetings: [
    everyAnswer('meetings:upcoming'),
    everyAnswer('meetings:range'),
    everyAnswer('clients:get'),
    everyAnswer('clients:list'),
    everyAnswer('data:summary'),
  ],
  settings: [everyAnswer('settings:get')],
  interactions: [
    perClient('clients:get', 'id'),
    perClient('recommendations:for-client'),
    everyAnswer('model:versions'),
    everyAnswer('data:summary'),
    everyAnswer('analytics:funnel'),
  ],
  model: [everyAnswer('model:versions'), everyAnswer('recommendations:for-client')],
  rules: [everyAnswer('rules:versions'), everyAnswer('recommendations:for-client'), everyAnswer('deviations:preview')],
  deviations: [perClient('deviations:list'), perClient('deviations:preview'), perClient('recommendations:for-client')],
  users: [
    everyAnswer('users:list'),
    everyAnswer('users:current'),
    everyAnswer('review:policy'),
    everyAnswer('reviews:waiting'),
    everyAnswer('reviews:list'),
    everyAnswer('reviews:scores'),
    everyAnswer('pitch:get'),
    everyAnswer('pitch:list'),
  ],
  records: [perClient('records:for-client'), everyAnswer('records:get')],
};

/** Whether the answer cached under `key` may be out of date after `change`. */
export function isAffected(key: QueryKey, change: DataChange): boolean {
  if (change.entity === 'all') return true;
  const shows = SHOWN_BY[change.entity].find((s) => s.channel === channelOfKey(key));
  if (!shows) return false;
  if (shows.idField === undefined || change.id === undefined) return true;
  return inputFieldOfKey(key, shows.idField) === change.id;
}

/** Marks every answer of these channels stale (refetching those on screen), whatever input they were asked with. */
export function invalidateChannels(client: QueryClient, channels: readonly Channel[]): void {
  void client.invalidateQueries({ predicate: (query) => channels.some((c) => c === channelOfKey(query.queryKey)) });
}

/**
 * The one subscriber to the backend's pushed events for data: each event either is the new answer of a channel
 * (the loaded model's status, the running retrain) and replaces it in the cache, or says data changed and
 * invalidates the answers that show it, which refetch if on screen. Streams (pitch text, download progress) are
 * followed by the components that show them, through useBridgeEvent.
 */
export function followBackendEvents(bridge: Pick<AdvisorDeskBridge, 'on'>, client: QueryClient): () => void {
  const offs = [
    bridge.on('data:changed', (change) => {
      void client.invalidateQueries({ predicate: (query) => isAffected(query.queryKey, change) });
    }),
    bridge.on('llm:status', (status) => {
      client.setQueryData(channelKey('llm:status', {}), status);
    }),
    bridge.on('audit:status', (status) => {
      client.setQueryData(channelKey('audit:status', {}), status);
    }),
    bridge.on('model:retrain-state', (state) => {
      client.setQueryData(channelKey('model:retrain-status', {}), state);
    }),
    bridge.on('model:signals-progress', ({ done, total, file }) => {
      client.setQueryData(channelKey('model:retrain-status', {}), (running: EventPayload<'model:retrain-state'>) =>
        running?.languageModel ? { ...running, done, total, file } : running,
      );
    }),
    bridge.on('pitch:done', ({ draftId }) => {
      // A finished draft may have stored a version; the list's latest version and dates change either way.
      invalidateChannels(client, ['pitch:list']);
      void client.invalidateQueries({
        predicate: (query) =>
          channelOfKey(query.queryKey) === 'pitch:get' && inputFieldOfKey(query.queryKey, 'draftId') === draftId,
      });
    }),
    bridge.on('llm:download', ({ state }) => {
      if (state === 'completed') invalidateChannels(client, ['llm:models', 'llm:catalog']);
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
