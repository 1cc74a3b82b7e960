import { currentAppLog, errorClass } from './app-log';

/**
 * Where unexpected handler failures are reported. The terminal gets the channel and the error's class and message;
 * the support log, which leaves the machine when an advisor sends it, gets the channel and class only, since a
 * message may quote client data. Request payloads are never written anywhere.
 */
export function reportInternalError(channel: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message.slice(0, 200) : '';
  process.stderr.write(`[advisor-desk] ${channel} failed: ${name}${message ? `: ${message}` : ''}\n`);
  currentAppLog().error('dispatch', `${channel} failed: ${errorClass(error)}`);
}
