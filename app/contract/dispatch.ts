import { DomainError } from '../domain/domain-error';
import type { Result } from './result';
import { channels, isChannel, type Channel, type ChannelOutput, type ChannelParsedInput } from './channels';

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

/** Where the dispatcher reports an unexpected failure. Only the channel and error class go there: never payloads, which carry client data. */
export type InternalErrorSink = (channel: string, error: unknown) => void;

function describe(issues: readonly { code?: string; path: readonly PropertyKey[]; message: string }[]): string {
  // A field the channel does not know is named first: it is the likeliest mistake, and a long form's missing fields
  // must not push it out of the five shown.
  return [...issues]
    .sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'))
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : 'input'}: ${i.message}`)
    .join('; ');
}

/**
 * The one door every request goes through, in Electron IPC and in browser mode alike:
 * unknown channels and malformed inputs are answered with a clear error, handler failures never escape.
 */
export async function dispatch(
  handlers: HandlerTable,
  channel: unknown,
  rawInput: unknown,
  onInternalError?: InternalErrorSink,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'unknown_channel', message: `Unknown channel: ${String(channel).slice(0, 80)}` },
    };
  }
  const spec = channels[channel];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'bad_request', message: `Invalid input for ${channel}: ${describe(parsed.error.issues)}` },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof DomainError) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
      };
    }
    onInternalError?.(channel, error);
    return {
      ok: false,
      error: { code: 'internal', message: `${channel} failed unexpectedly. The app is still running; try again.` },
    };
  }
}
