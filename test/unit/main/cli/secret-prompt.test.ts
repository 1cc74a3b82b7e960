import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../../main/cli/cli-io';
import { readSecret } from '../../../../main/cli/secret-prompt';

/** A terminal that records whether echo is off and what the prompt wrote back. */
function terminal() {
  const input = Object.assign(new EventEmitter(), {
    isRaw: false,
    setRawMode(on: boolean) {
      input.isRaw = on;
      return input;
    },
    setEncoding: () => input,
    resume: () => input,
    pause: () => input,
  });
  const written: string[] = [];
  return {
    input,
    written,
    io: { input: input as unknown as NodeJS.ReadStream, output: { write: (t: string) => written.push(t) } },
  };
}

describe('the key prompt', () => {
  it('reads with echo off, takes back a character on Backspace, and restores the terminal', async () => {
    const t = terminal();
    const answer = readSecret('Key: ', t.io);
    expect(t.input.isRaw).toBe(true);
    t.input.emit('data', 'hunter3');
    t.input.emit('data', '\u007f2\r');
    expect(await answer).toBe('hunter2');
    expect(t.written.join('')).toBe('Key: \n');
    expect(t.input.isRaw).toBe(false);
  });

  it('stops the command on Ctrl-C with exit 130', async () => {
    const t = terminal();
    const answer = readSecret('Key: ', t.io);
    t.input.emit('data', 'abc\u0003');
    await expect(answer).rejects.toThrow(CliError);
    await expect(answer).rejects.toMatchObject({ exitCode: 130 });
    expect(t.input.isRaw).toBe(false);
  });
});
