/**
 * Where unexpected handler failures are reported. Only the channel and the error's class and
 * message are written; request payloads never are, because they carry client data.
 */
export function reportInternalError(channel: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message.slice(0, 200) : '';
  process.stderr.write(`[advisor-desk] ${channel} failed: ${name}${message ? `: ${message}` : ''}\n`);
}
