import type { EventName, EventPayload } from '../../app/contract/events';
import type { Db } from '../db/connection';
import type { LanguageEngine } from '../engine/language-engine';

/** What every handler group needs: the store, the injected clock, who is acting, and the event outlet. */
export interface BackendContext {
  db: Db;
  /** The data folder (see main/paths.ts): the user's models folder and the model hash cache live in it. */
  dataDir: string;
  actor: string;
  nowIso(): string;
  /** YYYY-MM-DD in UTC: the date validation and demo data are anchored to. */
  today(): string;
  randomId(): string;
  /** The one loaded language model, shared by the llm and pitch handlers; disposed on close. */
  llm: LanguageEngine;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
