import fs from 'node:fs';
import path from 'node:path';
import type { PreparationItem, PreparationJob } from '../../app/meetings/preparation-job';
import type { MeetingPackData } from '../../app/use-cases/meeting-pack';
import { startWorker } from '../model/start-worker';
import type { PackJob, PackReply } from './pack-worker';

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

/** "01-C-0042-pack.pdf": the meeting's place in the batch first, so the folder lists in meeting order. */
export function packFileName(item: PreparationItem): string {
  return `${String(item.position + 1).padStart(2, '0')}-${fileSafe(item.clientId)}-pack.pdf`;
}

/**
 * Writes the client's meeting pack (its data assembled by the caller, see meeting-pack-loader.ts) into the job's
 * folder, laid out on a worker thread, and answers the file's name there.
 */
export function writeMeetingPack(job: PreparationJob, item: PreparationItem, data: MeetingPackData): Promise<string> {
  fs.mkdirSync(job.outDir, { recursive: true });
  const name = packFileName(item);
  const request: PackJob = { data, target: path.join(job.outDir, name) };
  return new Promise((resolve, reject) => {
    const worker = startWorker('pack-worker', request);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.once('message', (reply: PackReply) =>
      settle(() => (reply.ok ? resolve(name) : reject(new Error(`the pack could not be written: ${reply.message}`)))),
    );
    worker.once('error', (error) => settle(() => reject(new Error(`the pack could not be written: ${error.message}`))));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the pack could not be written: its thread exited (code ${code})`))),
    );
  });
}
