import { runCli } from './cli-commands';
import { EXIT } from './cli-io';

// The bundled entry (dist/main/cli.mjs): wire the real process to the testable command runner.
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
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
