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
  | { kind: 'retiring'; reason: string };

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
