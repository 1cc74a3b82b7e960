/** Where the CLI writes and what it reads from its surroundings; tests pass their own to run commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  now?: () => Date;
  /**
   * Calls `stop` at the first Ctrl-C (SIGINT) or SIGTERM while registered, so a long command can stop cleanly; a second
   * Ctrl-C ends the process at once. Returns the unregister. Absent where nothing can interrupt (tests' runs).
   */
  onInterrupt?: (stop: () => void) => () => void;
  /** Asks for a secret (a database key) with echo off; absent where no terminal can be asked (pipes, scripts, tests). */
  readSecret?: (prompt: string) => Promise<string>;
  /** stderr is a terminal: progress lines that rewrite themselves are shown there, and nowhere else. */
  stderrIsTerminal?: boolean;
}

/** Exit codes a script can rely on; --help lists them. `cancelled` is the shell's 128 + SIGINT. */
export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  notFound: 3,
  database: 4,
  inputRefused: 5,
  busy: 6,
  key: 7,
  /** audit verify found the trail or a record changed outside the app. */
  tampered: 8,
  cancelled: 130,
} as const;

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);
