import type { QueryKey } from '@tanstack/react-query';
import type { Channel, ChannelInput } from '../../../app/contract';

/**
 * Every cached answer is keyed by the channel that gave it and the input it was asked with, so one
 * invalidation rule per channel reaches every variant (each client, each search) at once.
 */
export type ChannelKey<C extends Channel = Channel> = readonly [C, ChannelInput<C>];

export function channelKey<C extends Channel>(channel: C, input: ChannelInput<C>): ChannelKey<C> {
  return [channel, input];
}

export function channelOfKey(key: QueryKey): string | undefined {
  return typeof key[0] === 'string' ? key[0] : undefined;
}

/** One field of the input a key was asked with, e.g. the clientId of a ranking. */
export function inputFieldOfKey(key: QueryKey, field: string): unknown {
  const input = key[1];
  return input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[field] : undefined;
}
