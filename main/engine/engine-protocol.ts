import type { DomainErrorCode } from '../../app/domain/domain-error';
import { DomainError } from '../../app/domain/domain-error';
import type { EngineState } from '../../app/ports/language-model';

/** The LanguageModel methods the engine process serves; each call names one with its plain-data arguments. */
export const ENGINE_METHODS = [
  'status',
  'load',
  'cancelLoad',
  'unload',
  'generate',
  'embed',
  'chooseNext',
  'measureChoice',
  'countTokens',
  'probeFile',
  'dispose',
] as const;
export type EngineMethod = (typeof ENGINE_METHODS)[number];

export type ToEngine =
  { kind: 'call'; id: number; method: EngineMethod; args: unknown[] } | { kind: 'abort'; id: number };

export type FromEngine =
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: WireError }
  | { kind: 'text'; id: number; chunk: string }
  | { kind: 'state'; state: EngineState }
  /** The engine is ending on its own (its native state is broken): start a fresh process for the next request. */
  | { kind: 'retiring'; reason: string; error: WireError };

export interface WireError {
  name: string;
  message: string;
  code?: DomainErrorCode;
}

export function toWireError(error: unknown): WireError {
  if (error instanceof DomainError) return { name: error.name, message: error.message, code: error.code };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** A domain error stays one across the boundary, so dispatch still answers with its code. */
export function fromWireError(wire: WireError): Error {
  if (wire.code) return new DomainError(wire.code, wire.message);
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}

/**
 * In the desktop app the backend cannot start the language engine itself (utility processes are the main process's
 * to start, and run-as-node is fused off): it asks the main process, which starts one and hands back a message port
 * to it, and says when it has ended.
 */
export type EngineRelayRequest = { type: 'engine:start'; id: number } | { type: 'engine:kill'; id: number };
/** 'engine:port' carries the port to the engine as the message's one transferred port. */
export type EngineRelayNotice = { type: 'engine:port'; id: number } | { type: 'engine:exit'; id: number; how: string };
