import type { EventName, EventPayload } from '../contract/events';

/** Where use-cases announce what changed, so every open window (and the CLI) can follow. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
