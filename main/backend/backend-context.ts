import type { EventName, EventPayload } from '../../app/contract/events';
import type { Clock, EventSink, IdSource, Stores } from '../../app/ports';
import type { Db } from '../db/connection';
import type { LanguageEngine } from '../engine/language-engine';
import type { DeskSession } from './desk-session';

/** The adapters the handler groups wire use-cases to: the store's ports, the clock, ids, events and the engine. */
export interface BackendContext {
  stores: Stores;
  clock: Clock;
  ids: IdSource;
  events: EventSink;
  /** The connection behind `stores`, for the adapters that still read it directly (pitch drafts, embeddings). */
  db: Db;
  /** The data folder (see main/paths.ts): the user's models folder and the model hash cache live in it. */
  dataDir: string;
  /** The signed-in user's id, read at each change; refused with 'sign in first' while nobody is signed in. */
  readonly actor: string;
  /** Who is at the desk now. */
  session: DeskSession;
  nowIso(): string;
  /** YYYY-MM-DD in UTC: the date validation and demo data are anchored to. */
  today(): string;
  randomId(): string;
  /** Uniform draws in [0, 1): the chance a shown ranking explores with (Math.random unless a test seeds it). */
  chance(): number;
  /** The one loaded language model, shared by the llm and pitch handlers; disposed on close. */
  llm: LanguageEngine;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/**
 * The context with more adapters beside it, for a use-case's dependencies. The context stays the prototype, so the
 * actor is still read when a change is made (a spread would read it once, before anyone signed in).
 */
export function withDeps<T extends object>(ctx: BackendContext, extra: T): BackendContext & T {
  return Object.assign(Object.create(ctx) as BackendContext, extra);
}
