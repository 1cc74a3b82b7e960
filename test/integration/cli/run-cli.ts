import { runCli } from '../../../main/cli/cli-commands';
import type { CliIo } from '../../../main/cli/cli-io';

/** The CLI's clock in these tests: the demo data's "today". */
export const CLI_TEST_NOW = new Date('2026-11-28T09:00:00.000Z');

/** Runs `advisor-desk ARGS` in this process and returns its exit code and what it wrote to stdout and stderr. */
export async function runCliCaptured(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, now: () => CLI_TEST_NOW };
  const code = await runCli(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

/** An in-process CLI io that keeps what the command writes, at the tests' clock; `onInterrupt` when a test plays Ctrl-C. */
export function captureCliIo(onInterrupt?: CliIo['onInterrupt']) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    now: () => CLI_TEST_NOW,
    ...(onInterrupt ? { onInterrupt } : {}),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
