import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../main/db/connection';
import { migrate } from '../../../main/db/migrate';
import { funnelCells, rebuildFunnel } from '../../../main/db/funnel-repository';
import { summarizeFunnel } from '../../../app/analytics/funnel';
import { insertRawClient, insertRawProduct, tempDb } from '../db/temp-db';

const DAY = 86_400_000;
const T0 = Date.parse('2026-05-04T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function impression(
  db: Db,
  id: string,
  client: string,
  at: number,
  advisor: string,
  products: string[],
  modelVersion: number | null = null,
) {
  db.prepare(
    `INSERT INTO ranking_impressions (id, client_id, shown_at, surface, shown_to, model_version, rule_set_id, rule_set_version, ranked_json, excluded_json)
     VALUES (?, ?, ?, 'app', ?, ?, 'RS', 1, ?, '[]')`,
  ).run(
    id,
    client,
    iso(at),
    advisor,
    modelVersion,
    JSON.stringify(products.map((productId, i) => ({ position: i + 1, productId, probability: 0.5 }))),
  );
}

let seq = 0;
function reaction(
  db: Db,
  impressionId: string | null,
  client: string,
  product: string,
  outcome: string,
  at: number,
): string {
  const id = `I-${++seq}`;
  db.prepare(
    `INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, score, outcome, advisor_id, note, impression_id)
     VALUES (?, ?, ?, ?, 'meeting', 'p', NULL, ?, 'ADV-1', '', ?)`,
  ).run(id, client, product, iso(at), outcome, impressionId);
  return id;
}

function pitch(db: Db, client: string, product: string, at: number, version = 1): void {
  const draft = `D-${client}-${product}`;
  if (version === 1)
    db.prepare(
      `INSERT INTO pitch_drafts (id, client_id, product_id, language, status, current_version, created_at, updated_at)
     VALUES (?, ?, ?, 'en', 'draft', 1, ?, ?)`,
    ).run(draft, client, product, iso(at), iso(at));
  db.prepare(
    `INSERT INTO pitch_draft_versions (draft_id, version, author, text, created_at) VALUES (?, ?, 'ADV-1', 'text', ?)`,
  ).run(draft, version, iso(at));
}

/** The funnel worked out in plain code from the raw rows, the way the definitions in funnel-sql.ts read. */
function recompute(db: Db) {
  const imps = db.prepare('SELECT id, client_id, shown_at, ranked_json FROM ranking_impressions').all() as {
    id: string;
    client_id: string;
    shown_at: string;
    ranked_json: string;
  }[];
  const reactions = db
    .prepare(
      'SELECT impression_id, product_id, outcome FROM interactions WHERE undone_at IS NULL AND impression_id IS NOT NULL',
    )
    .all() as {
    impression_id: string;
    product_id: string;
    outcome: string;
  }[];
  const pitches = db
    .prepare(
      'SELECT d.client_id, d.product_id, v.created_at FROM pitch_draft_versions v JOIN pitch_drafts d ON d.id = v.draft_id',
    )
    .all() as {
    client_id: string;
    product_id: string;
    created_at: string;
  }[];
  const total = { shown: 0, pitched: 0, interested: 0, accepted: 0, pitchedAccepted: 0 };
  for (const imp of imps) {
    const next =
      imps
        .filter((o) => o.client_id === imp.client_id && o.shown_at > imp.shown_at)
        .map((o) => o.shown_at)
        .sort()[0] ?? '9999';
    const end = iso(Date.parse(imp.shown_at) + 30 * DAY);
    for (const { productId } of JSON.parse(imp.ranked_json) as { productId: string }[]) {
      total.shown++;
      const mine = reactions.filter((r) => r.impression_id === imp.id && r.product_id === productId);
      const interested = mine.some((r) => r.outcome === 'interested' || r.outcome === 'accepted');
      const accepted = mine.some((r) => r.outcome === 'accepted');
      const pitched = pitches.some(
        (p) =>
          p.client_id === imp.client_id &&
          p.product_id === productId &&
          p.created_at >= imp.shown_at &&
          p.created_at < end &&
          p.created_at < next,
      );
      total.pitched += pitched ? 1 : 0;
      total.interested += interested ? 1 : 0;
      total.accepted += accepted ? 1 : 0;
      total.pitchedAccepted += pitched && accepted ? 1 : 0;
    }
  }
  return total;
}

function stored(db: Db) {
  return summarizeFunnel(funnelCells(db, { from: '2026-01-01', to: '2026-12-31', groupBy: 'product', period: 'month' }))
    .total.counts;
}

describe('conversion funnel rollup', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  function book(db: Db) {
    insertRawClient(db, 'C-1', 'Ada');
    insertRawClient(db, 'C-2', 'Bo');
    for (const p of ['P-1', 'P-2', 'P-3']) insertRawProduct(db, p);
  }

  it('kept by each write equals the funnel worked out again from the raw tables', () => {
    env = tempDb();
    const { db } = env;
    book(db);
    impression(db, 'R-1', 'C-1', T0, 'ADV-1', ['P-1', 'P-2', 'P-3']);
    impression(db, 'R-2', 'C-2', T0 + DAY, 'ADV-2', ['P-2', 'P-1'], 3);
    pitch(db, 'C-1', 'P-1', T0 + 3_600_000);
    reaction(db, 'R-1', 'C-1', 'P-1', 'interested', T0 + 2 * 3_600_000);
    reaction(db, 'R-1', 'C-1', 'P-1', 'accepted', T0 + 5 * DAY);
    const wrong = reaction(db, 'R-1', 'C-1', 'P-2', 'accepted', T0 + 5 * DAY);
    db.prepare("UPDATE interactions SET undone_at = ?, undone_by = 'ADV-1' WHERE id = ?").run(
      iso(T0 + 5 * DAY + 60_000),
      wrong,
    );
    reaction(db, 'R-2', 'C-2', 'P-2', 'declined', T0 + 2 * DAY);
    reaction(db, null, 'C-2', 'P-3', 'accepted', T0 + 2 * DAY);
    // Drafted after the client's next ranking: the later ranking gets the credit, once.
    impression(db, 'R-3', 'C-2', T0 + 3 * DAY, 'ADV-2', ['P-1'], 3);
    pitch(db, 'C-2', 'P-1', T0 + 4 * DAY);
    pitch(db, 'C-2', 'P-1', T0 + 4 * DAY + 60_000, 2);
    // Too late for any ranking: no credit.
    pitch(db, 'C-1', 'P-3', T0 + 40 * DAY);

    const expected = recompute(db);
    expect(expected).toEqual({ shown: 6, pitched: 2, interested: 1, accepted: 1, pitchedAccepted: 1 });
    expect(stored(db)).toEqual(expected);
    // Every cell at every grain, in both rollups, as the triggers left them and as a rebuild makes them.
    const cells = () =>
      ['funnel_rollup', 'funnel_segment_rollup'].map((table) =>
        db
          .prepare(
            `SELECT * FROM ${table} WHERE shown + pitched + interested + accepted + pitched_accepted > 0 ORDER BY 1, 2, 3, 4, 5, 6`,
          )
          .all(),
      );
    const kept = cells();
    expect(kept[0]!.length).toBeGreaterThan(9);
    rebuildFunnel(db);
    expect(stored(db)).toEqual(expected);
    expect(cells()).toEqual(kept);
  });

  it('fills the rollup from impressions kept before the migration, and labels their policy from the model version', () => {
    env = tempDb({ target: 200 });
    const { db } = env;
    book(db);
    impression(db, 'R-1', 'C-1', T0, 'ADV-1', ['P-1', 'P-2']);
    impression(db, 'R-2', 'C-2', T0, 'ADV-1', ['P-1'], 7);
    reaction(db, 'R-2', 'C-2', 'P-1', 'accepted', T0 + DAY);
    migrate(db);
    expect(stored(db)).toEqual(recompute(db));
    const byPolicy = summarizeFunnel(
      funnelCells(db, { from: '2026-01-01', to: '2026-12-31', groupBy: 'policy', period: 'week' }),
    ).groups;
    expect(byPolicy.map((g) => [g.key, g.counts.shown, g.counts.accepted])).toEqual([
      ['popularity', 2, 0],
      ['model-v7', 1, 1],
    ]);
  });

  it('forgets what a deleted client was shown', () => {
    env = tempDb();
    const { db } = env;
    book(db);
    impression(db, 'R-1', 'C-1', T0, 'ADV-1', ['P-1', 'P-2']);
    impression(db, 'R-2', 'C-2', T0, 'ADV-1', ['P-1']);
    reaction(db, 'R-1', 'C-1', 'P-1', 'accepted', T0 + DAY);
    db.prepare("DELETE FROM clients WHERE id = 'C-1'").run();
    expect(stored(db)).toEqual({ shown: 1, pitched: 0, interested: 0, accepted: 0, pitchedAccepted: 0 });
  });
});
