/** Where the CLI writes and what it reads from its surroundings; tests pass their own to run commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  now?: () => Date;
}

/** Exit codes a script can rely on; --help lists them. */
export const EXIT = { ok: 0, other: 1, usage: 2, notFound: 3, database: 4, inputRefused: 5 } as const;

export class CliError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);
