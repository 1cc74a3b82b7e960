// The worker thread of preparation-pack.ts: writes one meeting pack PDF and answers once. Laying out a PDF takes
// the best part of a second (fonts, Chinese text): here it does not hold up the backend's requests.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Client } from '../../app/domain';
import type { ClientRanking } from '../../app/domain/ranking';
import { recommendationSheetPdf } from '../pdf/recommendation-sheet';

export interface PackJob {
  client: Client;
  ranking: ClientRanking;
  /** The file to write; written beside as `.partial`, then renamed, so a pack killed mid-write is never taken as done. */
  target: string;
}

export type PackReply = { ok: true } | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('pack-worker runs as a worker thread of preparation-pack');
let reply: PackReply;
try {
  const { client, ranking, target } = workerData as PackJob;
  const partial = `${target}.partial`;
  // THE MEETING PACK CALL SITE (issue 14): until the meeting pack document (main/pdf/meeting-pack-pdf.ts) is merged,
  // the pack is the client's recommendation sheet, in the client's language.
  fs.writeFileSync(partial, recommendationSheetPdf(client, ranking));
  fs.renameSync(partial, target);
  reply = { ok: true };
} catch (error) {
  reply = { ok: false, message: (error as Error).message };
}
port.postMessage(reply);
