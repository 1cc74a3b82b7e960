import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dispatch } from '../../app/contract/dispatch';
import type { ClientRanking } from '../../app/contract/engine-channels';
import { openBackend } from '../../main/backend/open-backend';
import { fmt, median, percentile } from './stats';

export interface RecommendationTiming {
  clientId: string;
  /** Products that pass the rules for this client: only these are scored. */
  suitable: number;
  excluded: number;
  medianMs: number;
  p95Ms: number;
  calls: number;
}

/**
 * `recommendations:for-client` as the client page calls it (top 10), on the demo book in a new data folder,
 * through dispatch like the app. The first call trains version 1 and is reported apart; the rest are the
 * figure an advisor feels when opening a client. CL-0001 is the demo's first client; CL-0118 is one for whom
 * 39 of the 58 demo products are suitable, so scoring is a larger share of the call.
 */
export async function benchRecommendations(
  calls = 200,
  clientIds = ['CL-0001', 'CL-0118'],
  /** The demo book in an encrypted store with this key (the encryption bench); plain without. */
  databaseKey?: string,
): Promise<{ firstMs: number; clients: RecommendationTiming[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-rank-'));
  const backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', databaseKey });
  try {
    const rank = async (clientId: string, top: number): Promise<ClientRanking> => {
      const r = await dispatch(backend.handlers, 'recommendations:for-client', { clientId, top });
      if (!r.ok) throw new Error(`recommendations:for-client: ${r.error.code} ${r.error.message}`);
      return r.value as ClientRanking;
    };
    const started = performance.now();
    await rank(clientIds[0]!, 10);
    const firstMs = performance.now() - started;
    const clients: RecommendationTiming[] = [];
    for (const clientId of clientIds) {
      const all = await rank(clientId, 500);
      const times: number[] = [];
      for (let i = 0; i < calls; i++) {
        const t = performance.now();
        await rank(clientId, 10);
        times.push(performance.now() - t);
      }
      clients.push({
        clientId,
        suitable: all.ranked.length,
        excluded: all.excluded.length,
        medianMs: median(times),
        p95Ms: percentile(times, 95),
        calls,
      });
    }
    return { firstMs, clients };
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function summarizeRecommendations(r: Awaited<ReturnType<typeof benchRecommendations>>): string[] {
  return [
    `recommendations:for-client, first call on the demo book (trains version 1): ${fmt(r.firstMs)}`,
    ...r.clients.map(
      (c) =>
        `recommendations:for-client for ${c.clientId} (${c.suitable} suitable products scored, ${c.excluded} excluded, top 10): median ${fmt(c.medianMs)}, p95 ${fmt(c.p95Ms)} over ${c.calls} calls`,
    ),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of summarizeRecommendations(await benchRecommendations())) console.log(line);
}
