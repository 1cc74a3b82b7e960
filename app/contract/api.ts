import type { Channel, ChannelInput, ChannelOutput } from './channels';
import type { EventName, EventPayload } from './events';
import type { Result } from './result';

/**
 * What the renderer sees on `window.advisorDesk`: the preload provides it in Electron,
 * the socket shim in browser mode. Nothing else crosses the boundary.
 */
export interface AdvisorDeskBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  readonly mode: 'electron' | 'browser';
}
