import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '../../app/domain';
import type { ClientRanking } from '../../app/domain/ranking';
import type { PreparationItem, PreparationJob } from '../../app/meetings/preparation-job';
import { recommendationSheetPdf } from '../pdf/recommendation-sheet';

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

/** "09-C-0042-pack.pdf": the meeting's place in the day first, so the folder lists in meeting order. */
export function packFileName(item: PreparationItem): string {
  return `${String(item.position + 1).padStart(2, '0')}-${fileSafe(item.clientId)}-pack.pdf`;
}

/**
 * THE MEETING PACK CALL SITE (issue 14). The meeting pack document (app/use-cases/meeting-pack.ts,
 * main/pdf/meeting-pack-pdf.ts) is written on another branch; until it is merged this writes the client's
 * recommendation sheet (the ranking with its reasons and exclusions, in the client's language) as the pack.
 */
export function writeMeetingPack(
  job: PreparationJob,
  item: PreparationItem,
  client: Client,
  ranking: ClientRanking,
): string {
  fs.mkdirSync(job.outDir, { recursive: true });
  const name = packFileName(item);
  const target = path.join(job.outDir, name);
  // Written beside, then renamed: a pack killed mid-write is never mistaken for a finished one.
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, recommendationSheetPdf(client, ranking));
  fs.renameSync(partial, target);
  return name;
}
