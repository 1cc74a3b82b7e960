import { CliError, EXIT } from './cli-io';

/** The parts of a terminal the prompt uses: process.stdin and process.stderr, or a test's stand-ins. */
export interface SecretTerminal {
  input: NodeJS.ReadStream;
  output: { write(text: string): unknown };
}

/**
 * Asks for a secret on the terminal with echo off (raw mode: nothing typed is shown), so a key never lands in the
 * scrollback or the shell's history. Enter ends it, Backspace takes back a character, Ctrl-C stops the command.
 */
export function readSecret(prompt: string, terminal: SecretTerminal): Promise<string> {
  const { input, output } = terminal;
  return new Promise((resolve, reject) => {
    output.write(prompt);
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    input.setEncoding('utf8');
    let typed: string[] = [];
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed.join(''));
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004')
          return finish(new CliError(EXIT.cancelled, 'Stopped at the key prompt; nothing was changed.'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed.push(ch);
      }
    };
    input.on('data', onData);
    input.resume();
  });
}
