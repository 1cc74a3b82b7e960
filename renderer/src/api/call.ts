import type { Channel, ChannelInput, ChannelOutput, ContractError, ErrorCode } from '../../../app/contract';
import type { FieldIssue } from '../../../app/domain';
import { getBridge } from '../bridge/bridge';

/** A failed backend call, carrying the contract's code and per-field issues so a form can point at the field. */
export class BackendError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(error: ContractError) {
    super(error.message);
    this.name = 'BackendError';
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

/** Invokes a channel and unwraps its Result: the value, or a thrown BackendError. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result;
  try {
    result = await getBridge().invoke(channel, input);
  } catch (error) {
    // A bridge that cannot be reached is reported like any other failure, never as a blank page.
    throw new BackendError({ code: 'unavailable', message: error instanceof Error ? error.message : String(error) });
  }
  if (result.ok) return result.value;
  throw new BackendError(result.error);
}

export function isBackendError(error: unknown, code?: ErrorCode): error is BackendError {
  return error instanceof BackendError && (code === undefined || error.code === code);
}
