import { runCli } from './cli-commands';

// The bundled entry (dist/main/cli.mjs): wire the real process to the testable command runner.
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
