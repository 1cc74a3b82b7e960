import { runCli } from './cli-commands';
import { EXIT } from './cli-io';
import { DB_NEW_KEY_ENV } from './cli-store-key';
import { readSecret } from './secret-prompt';
import { DB_KEY_ENV } from '../db/store-cipher';

// The bundled entry (dist/main/cli.mjs): wire the real process to the testable command runner.

// `advisor-desk products list | head`: the reader went away, which is not an error of this command.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

// The commands read the store's keys from their own copy of the environment; the processes they start (the language
// engine, the backend worker's children) inherit process.env, which no longer carries them.
const env = { ...process.env };
delete process.env[DB_KEY_ENV];
delete process.env[DB_NEW_KEY_ENV];

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env,
  stderrIsTerminal: process.stderr.isTTY === true,
  // A key is asked for only when someone is there to type it.
  ...(process.stdin.isTTY && process.stderr.isTTY
    ? { readSecret: (prompt: string) => readSecret(prompt, { input: process.stdin, output: process.stderr }) }
    : {}),
  // Only while a command listens: otherwise Ctrl-C ends the process as it always does.
  onInterrupt: (stop) => {
    let asked = false;
    const listener = (): void => {
      if (asked) process.exit(EXIT.cancelled);
      asked = true;
      stop();
    };
    process.on('SIGINT', listener);
    process.on('SIGTERM', listener);
    return () => {
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    };
  },
});
process.exitCode = code;
