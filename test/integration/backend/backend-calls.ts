import type { HandlerTable } from '../../../app/contract/dispatch';
import { dispatch } from '../../../app/contract/dispatch';

/**
 * Calls into a backend's handler table the way the renderer's bridge does, for tests whose backend is made in a
 * beforeAll: `call` answers the contract's Result, `value` unwraps it or throws with the error code and message.
 */
export function backendCalls(handlers: () => HandlerTable): {
  call: (channel: string, input: unknown) => ReturnType<typeof dispatch>;
  value: <T>(channel: string, input: unknown) => Promise<T>;
} {
  const call = (channel: string, input: unknown): ReturnType<typeof dispatch> => dispatch(handlers(), channel, input);
  const value = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  return { call, value };
}
