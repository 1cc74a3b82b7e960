import type { AuditStatus } from '../../app/contract/audit-channels';
import type { AuditWorkerInput, AuditWorkerOutput } from '../db/audit-worker';
import type { OpenDatabaseOptions } from '../db/connection';
import { startWorker } from '../model/start-worker';

/** How many findings travel to the window; the CLI's `audit verify` lists them all. */
const LISTED = 20;
/** A window asking again within this long gets the check that just finished (a reload does not start another). */
const RECENT_MS = 5_000;

export interface AuditMonitorOptions {
  databasePath: string;
  open: OpenDatabaseOptions;
  now(): Date;
  onStatus(status: AuditStatus): void;
  /** First check this long after start (default 2 s), then every `everyMs` (default 10 minutes); 0 turns them off. */
  firstAfterMs?: number;
  everyMs?: number;
}

/**
 * Runs the audit check in a worker thread on its own connection, at start and then now and again, and keeps the
 * latest verdict for the window's banner. A check already running is joined, never doubled.
 */
export class AuditMonitor {
  private current: AuditStatus = {
    state: 'unchecked',
    checking: false,
    checkedAt: null,
    entries: 0,
    problemCount: 0,
    problems: [],
    error: null,
  };
  private running: Promise<AuditStatus> | null = null;
  private finishedAt = 0;
  private readonly timers: NodeJS.Timeout[] = [];
  private disposed = false;

  constructor(private readonly options: AuditMonitorOptions) {}

  start(): void {
    const first = this.options.firstAfterMs ?? 2_000;
    const every = this.options.everyMs ?? 10 * 60_000;
    if (first > 0) this.timers.push(setTimeout(() => void this.check(true), first).unref());
    if (every > 0) this.timers.push(setInterval(() => void this.check(true), every).unref());
  }

  status(): AuditStatus {
    return this.current;
  }

  /** Checks now, or joins the running check; a check that ended within half a minute answers unless `fresh`. */
  check(fresh = false): Promise<AuditStatus> {
    if (this.running) return this.running;
    if (!fresh && this.current.state !== 'unchecked' && Date.now() - this.finishedAt < RECENT_MS)
      return Promise.resolve(this.current);
    this.set({ ...this.current, checking: true });
    this.running = this.runWorker()
      .then((output): AuditStatus => {
        const checkedAt = this.options.now().toISOString();
        if (!output.ok) return { ...this.current, state: 'failed', checking: false, checkedAt, error: output.error };
        const v = output.verification;
        return {
          state: v.ok ? 'ok' : 'problems',
          checking: false,
          checkedAt,
          entries: v.entries,
          problemCount: v.problems.length,
          problems: v.problems.slice(0, LISTED).map((p) => p.message),
          error: null,
        };
      })
      .then((status) => {
        this.finishedAt = Date.now();
        this.running = null;
        this.set(status);
        return status;
      });
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
  }

  private set(status: AuditStatus): void {
    this.current = status;
    if (!this.disposed) this.options.onStatus(status);
  }

  private runWorker(): Promise<AuditWorkerOutput> {
    const input: AuditWorkerInput = { databasePath: this.options.databasePath, open: this.options.open };
    return new Promise((resolve) => {
      let settled = false;
      const done = (output: AuditWorkerOutput) => {
        if (settled) return;
        settled = true;
        resolve(output);
      };
      const worker = startWorker('audit-worker', input);
      worker.once('message', (output: AuditWorkerOutput) => done(output));
      worker.once('error', (error) => done({ ok: false, error: error.message }));
      worker.once('exit', (code) => done({ ok: false, error: `the check stopped (exit ${code})` }));
    });
  }
}
