import fs from 'node:fs';
import path from 'node:path';
import type { ExportJobRequest, ExportResult } from '../../app/contract/record-channels';
import type { EventName, EventPayload } from '../../app/contract/events';
import type { Db } from '../db/connection';
import { exportAdviceRecords, ExportCancelledError, type ExportProgress } from './export-records';

interface ExportJobsOptions {
  db: Db;
  /** The folder the backend keeps exports in: each gets a new folder inside it. */
  exportsDir: string;
  now: () => Date;
  appVersion: string;
  randomId: () => string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Progress events at most this often (the last one always goes). */
  progressEveryMs?: number;
}

/** "2026-11-01_2026-11-30-20261128T090000Z": the period, then when it was made, so two exports never collide. */
function folderName(request: ExportJobRequest, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${request.from}_${request.to}-${stamp}`;
}

/**
 * The Compliance page's exports, run in the backend: each writes into a new folder of the exports folder, reports
 * its progress as events, and can be cancelled between two batches. A cancelled or failed one leaves no folder.
 */
export class ExportJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly options: ExportJobsOptions) {}

  start(request: ExportJobRequest): { jobId: string; folder: string } {
    const { exportsDir, now } = this.options;
    fs.mkdirSync(exportsDir, { recursive: true });
    if (this.running.size === 0) this.sweepUnfinished();
    const at = now();
    let folder = path.join(exportsDir, folderName(request, at));
    for (let n = 2; fs.existsSync(folder); n++) folder = path.join(exportsDir, `${folderName(request, at)}-${n}`);
    const jobId = `EX-${this.options.randomId().slice(0, 16).toUpperCase()}`;
    const stop = new AbortController();
    this.running.set(jobId, stop);
    void this.run(jobId, folder, request, at, stop.signal);
    return { jobId, folder };
  }

  cancel(jobId: string): { cancelled: boolean } {
    const stop = this.running.get(jobId);
    if (!stop) return { cancelled: false };
    stop.abort();
    return { cancelled: true };
  }

  /** Stops every running export (the backend is closing); each removes its folder. */
  cancelAll(): void {
    for (const stop of this.running.values()) stop.abort();
  }

  /** Hidden `.NAME.partial-…` folders an export killed with its process left behind: never finished, never kept. */
  private sweepUnfinished(): void {
    for (const name of fs.readdirSync(this.options.exportsDir))
      if (name.startsWith('.') && name.includes('.partial-'))
        fs.rmSync(path.join(this.options.exportsDir, name), { recursive: true, force: true });
  }

  private async run(jobId: string, folder: string, request: ExportJobRequest, at: Date, signal: AbortSignal) {
    const { emit, db } = this.options;
    const every = this.options.progressEveryMs ?? 200;
    let lastAt = 0;
    let lastPhase = '';
    const onProgress = (p: ExportProgress) => {
      const time = Date.now();
      if (p.phase === lastPhase && time - lastAt < every && p.done < p.total) return;
      lastAt = time;
      lastPhase = p.phase;
      emit('records:export-progress', { jobId, ...p });
    };
    try {
      // The job's answer goes out before the first record is read.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const manifest = await exportAdviceRecords(
        db,
        { ...request, outDir: folder, now: at, appVersion: this.options.appVersion },
        { signal, onProgress },
      );
      const result: ExportResult = {
        folder,
        recordCount: manifest.recordCount,
        pseudonymized: manifest.pseudonymized,
        files: manifest.files,
      };
      emit('records:export-done', { jobId, outcome: 'completed', result, error: null });
    } catch (error) {
      const cancelled = error instanceof ExportCancelledError;
      emit('records:export-done', {
        jobId,
        outcome: cancelled ? 'cancelled' : 'failed',
        result: null,
        error: cancelled ? null : error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.running.delete(jobId);
    }
  }
}
