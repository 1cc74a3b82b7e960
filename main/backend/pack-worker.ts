// The worker thread of preparation-pack.ts: lays out one meeting pack PDF and writes it, answering once. Laying out
// a pack takes the best part of a second (fonts, Chinese text): here it does not hold up the backend's requests.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { MeetingPackData } from '../../app/use-cases/meeting-pack';
import { meetingPackPdfSync } from '../pdf/meeting-pack-pdf';

export interface PackJob {
  data: MeetingPackData;
  /** The file to write; written beside as `.partial`, then renamed, so a pack killed mid-write is never taken as done. */
  target: string;
}

export type PackReply = { ok: true } | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('pack-worker runs as a worker thread of preparation-pack');
let reply: PackReply;
try {
  const { data, target } = workerData as PackJob;
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, meetingPackPdfSync(data));
  fs.renameSync(partial, target);
  reply = { ok: true };
} catch (error) {
  reply = { ok: false, message: (error as Error).message };
}
port.postMessage(reply);
