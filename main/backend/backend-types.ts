import type { SpawnEngine } from '../engine/engine-client';
import type { ActAs } from './desk-session';
import type { EventName, EventPayload, HandlerTable } from '../../app/contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface BackendOptions {
  /** The data folder (see main/paths.ts). The database lives inside it unless databasePath is given. */
  dataDir: string;
  databasePath?: string;
  mode: 'electron' | 'browser';
  /** Seed the built-in demo data when the database is new and empty. Default true. */
  seedDemoIfEmpty?: boolean;
  /** With the demo book, a few months of advice made through the use-cases (the app's stores; default false). */
  demoHistory?: boolean;
  /** Injected clock so tests and the demo generator are reproducible. */
  now?: () => Date;
  /** Uniform draws in [0, 1) for a ranking's exploration; default Math.random (tests pass a seeded source). */
  chance?: () => number;
  /** better-sqlite3 native binding built for Electron's ABI (see README); Node uses the default. */
  nativeBinding?: string;
  /** The passphrase of an encrypted store (see main/db/store-cipher.ts); never logged, never put on a command line. */
  databaseKey?: string | undefined;
  /** The cipher build's binding compiled for Electron's ABI; Node uses the default. */
  cipherBinding?: string | undefined;
  /**
   * Where llama.cpp runs: 'process' (default) in an engine process of its own, started on the first load, or a
   * SpawnEngine that starts one (the Electron main passes utilityProcess); 'in-process' here, for the benchmark's
   * comparison.
   */
  languageEngine?: 'process' | 'in-process' | SpawnEngine;
  /**
   * Check the audit trail in the background (at start, then every ten minutes) for the window's banner: the app's
   * hosts turn it on; off by default, so a test or a CLI command does not start a check it never reads.
   */
  auditChecks?: boolean | { firstAfterMs?: number; everyMs?: number };
  /**
   * Act as this user from the start, without a sign-in (the command line, tests): a user id, or the store's first
   * active administrator. The app's windows leave it out: the person at the desk signs in.
   */
  user?: ActAs;
  /** Batch preparation of meetings: each draft's answer capped (tests and benchmarks keep generations short). */
  preparation?: { maxAnswerTokens?: number };
}

/** The process-independent backend: the same object serves Electron IPC, browser mode and tests. */
export interface Backend {
  readonly handlers: HandlerTable;
  readonly databasePath: string;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  close(): void;
}
