import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking, FunnelReport } from '../../../app/contract';
import type { ClientPage } from '../../../app/domain';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase } from '../../../main/db/connection';
import { backendCalls } from '../backend/backend-calls';
import { tempDir } from '../db/temp-db';

const NOW = new Date('2026-11-28T09:00:00.000Z');

/** What the raw tables say for a range: every product each ranking listed, and the distinct positive reactions. */
function fromRawTables(file: string, from: string, to: string) {
  const db = openDatabase(file, { readonly: true });
  try {
    const imps = db
      .prepare('SELECT id, ranked_json FROM ranking_impressions WHERE substr(shown_at, 1, 10) BETWEEN ? AND ?')
      .all(from, to) as { id: string; ranked_json: string }[];
    const listed = new Set(
      imps.flatMap((i) => (JSON.parse(i.ranked_json) as { productId: string }[]).map((p) => `${i.id} ${p.productId}`)),
    );
    const reactions = db
      .prepare(
        'SELECT impression_id, product_id, outcome FROM interactions WHERE undone_at IS NULL AND impression_id IS NOT NULL',
      )
      .all() as { impression_id: string; product_id: string; outcome: string }[];
    const pairs = (outcomes: string[]) =>
      new Set(
        reactions
          .filter((r) => outcomes.includes(r.outcome) && listed.has(`${r.impression_id} ${r.product_id}`))
          .map((r) => `${r.impression_id} ${r.product_id}`),
      ).size;
    return { shown: listed.size, interested: pairs(['interested', 'accepted']), accepted: pairs(['accepted']) };
  } finally {
    db.close();
  }
}

describe('analytics:funnel over the demo history', () => {
  let dir: string;
  let backend: Backend;
  const { call, value } = backendCalls(() => backend.handlers);

  beforeAll(async () => {
    dir = tempDir('ad-analytics-');
    backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      now: () => NOW,
      languageEngine: 'in-process',
      demoHistory: true,
    });
    await value('app:info', {});
  }, 120_000);
  afterAll(() => {
    backend.close();
  });

  it('counts what the raw tables hold, by product and in total, with a Wilson interval around each rate', async () => {
    const report = await value<FunnelReport>('analytics:funnel', { from: '2026-08-01', to: '2026-11-30' });
    const raw = fromRawTables(backend.databasePath, '2026-08-01', '2026-11-30');
    expect(raw.shown).toBeGreaterThan(100);
    expect(report.total.counts).toMatchObject(raw);
    expect(report.total.counts.pitched).toBeGreaterThan(0);
    expect(report.groups.reduce((n, g) => n + g.counts.shown, 0)).toBe(raw.shown);
    expect(report.groups.every((g) => g.label !== null)).toBe(true);
    const ctr = report.total.rates.ctr;
    expect(ctr.value).toBeCloseTo(raw.interested / raw.shown);
    expect(ctr.low!).toBeLessThan(ctr.value!);
    expect(ctr.high!).toBeGreaterThan(ctr.value!);
    // Weekly periods add up to the same total.
    expect(report.series.reduce((n, s) => n + s.counts.shown, 0)).toBe(raw.shown);
    expect(report.choices.policies).toContain('popularity');
  });

  it('narrows to one advisor and regroups by segment without losing a showing', async () => {
    const all = await value<FunnelReport>('analytics:funnel', { from: '2026-08-01', to: '2026-11-30' });
    const advisor = all.choices.advisors[0]!;
    const one = await value<FunnelReport>('analytics:funnel', { from: '2026-08-01', to: '2026-11-30', advisor });
    expect(one.total.counts.shown).toBeGreaterThan(0);
    expect(one.total.counts.shown).toBeLessThan(all.total.counts.shown);
    const bySegment = await value<FunnelReport>('analytics:funnel', {
      from: '2026-08-01',
      to: '2026-11-30',
      groupBy: 'segment',
    });
    expect(bySegment.total.counts).toEqual(all.total.counts);
    expect(bySegment.groups.length).toBeGreaterThan(1);
  });

  it('counts a ranking shown now and the reaction recorded from it at once', async () => {
    const today = NOW.toISOString().slice(0, 10);
    const before = await value<FunnelReport>('analytics:funnel', { from: today, to: today, period: 'day' });
    const page = await value<ClientPage>('clients:list', { limit: 5 });
    const ranking = await value<ClientRanking>('recommendations:for-client', {
      clientId: page.rows[0]!.id,
      top: 5,
      shownOn: 'app',
    });
    await value('outcomes:record', {
      clientId: ranking.clientId,
      productId: ranking.ranked[2]!.productId,
      outcome: 'accepted',
      channel: 'meeting',
      note: '',
      impressionId: ranking.impressionId!,
      confirmRepeat: true,
    });
    const after = await value<FunnelReport>('analytics:funnel', { from: today, to: today, period: 'day' });
    expect(after.total.counts.shown - before.total.counts.shown).toBe(ranking.ranked.length);
    expect(after.total.counts.accepted - before.total.counts.accepted).toBe(1);
    expect(after.total.counts.interested - before.total.counts.interested).toBe(1);
  }, 120_000);

  it('leaves the audit trail verifying: the rollup is beside the audited tables, not in them', async () => {
    const status = await value<{ state: string; problemCount: number }>('audit:check', {});
    expect(status.state).toBe('ok');
    expect(status.problemCount).toBe(0);
  });

  it('refuses a daily series over a long range, and a range that ends before it starts', async () => {
    const long = await call('analytics:funnel', { from: '2026-01-01', to: '2026-11-30', period: 'day' });
    expect(long.ok ? null : long.error.code).toBe('validation');
    const backwards = await call('analytics:funnel', { from: '2026-11-30', to: '2026-11-01' });
    expect(backwards.ok).toBe(false);
  });
});
