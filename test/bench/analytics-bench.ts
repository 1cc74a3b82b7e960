import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrng } from '../../app/demo/prng';
import { funnelReport } from '../../app/analytics/funnel-report';
import type { FunnelQuery } from '../../app/contract/analytics-channels';
import { openBackend } from '../../main/backend/open-backend';
import { funnelStoreOf } from '../../main/backend/analytics-handlers';
import { openDatabase, type Db } from '../../main/db/connection';
import { rebuildFunnel } from '../../main/db/funnel-repository';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/chromium';
import { signInIfAsked } from '../e2e/support/sign-in';
import { startWebApp } from '../e2e/support/web-app';
import { fmt, median } from './stats';

const DAY = 86_400_000;
const POLICIES = ['popularity', 'model-v11', 'model-v12', 'model-v12+lm'] as const;
const ADVISORS = Array.from({ length: 24 }, (_, i) => `ADV-${String(i + 1).padStart(2, '0')}`);

/**
 * Impressions of a year at a large bank's pace: each lists 10 products (the client page's first page), 6% get a
 * reaction on one of them, 3% a pitch drafted. Written through the same triggers as the app's writes, in batches.
 */
const drafts = new Set<string>();

function generate(db: Db, from: number, to: number, count: number, end: number): { ms: number } {
  const random = createPrng(15 + from);
  const clients = (db.prepare('SELECT id FROM clients').all() as { id: string }[]).map((r) => r.id);
  const products = (db.prepare('SELECT id FROM products').all() as { id: string }[]).map((r) => r.id);
  const imp = db.prepare(
    `INSERT INTO ranking_impressions (id, client_id, shown_at, surface, shown_to, model_version, rule_set_id, rule_set_version,
       ranked_json, excluded_json, policy) VALUES (?, ?, ?, 'app', ?, NULL, 'bench', 1, ?, '[]', ?)`,
  );
  const reaction = db.prepare(
    `INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, score, outcome, advisor_id, note, impression_id)
     VALUES (?, ?, ?, ?, 'meeting', ?, NULL, ?, ?, '', ?)`,
  );
  const draft = db.prepare(
    `INSERT INTO pitch_drafts (id, client_id, product_id, language, status, current_version, created_at, updated_at)
     VALUES (?, ?, ?, 'en', 'draft', 1, ?, ?)`,
  );
  const version = db.prepare(
    `INSERT INTO pitch_draft_versions (draft_id, version, author, text, created_at)
     VALUES (?, (SELECT coalesce(max(version), 0) + 1 FROM pitch_draft_versions WHERE draft_id = ?), ?, '', ?)`,
  );
  const start = end - 365 * DAY;
  const started = performance.now();
  const batch = 20_000;
  for (let done = from; done < to; done += batch) {
    db.transaction(() => {
      for (let i = done; i < Math.min(to, done + batch); i++) {
        const at = start + Math.floor((i / count) * 365 * DAY);
        const client = clients[random.int(0, clients.length - 1)]!;
        const advisor = ADVISORS[random.int(0, ADVISORS.length - 1)]!;
        const policy = POLICIES[random.int(0, POLICIES.length - 1)]!;
        const first = random.int(0, products.length - 1);
        const listed = Array.from({ length: 10 }, (_, k) => products[(first + k * 7) % products.length]!);
        const id = `BI-${i}`;
        imp.run(
          id,
          client,
          new Date(at).toISOString(),
          advisor,
          JSON.stringify(listed.map((productId, k) => ({ position: k + 1, productId, probability: 0.3 }))),
          policy,
        );
        const r = random.next();
        if (r < 0.03) {
          const product = listed[random.int(0, 2)]!;
          const when = new Date(at + 3_600_000).toISOString();
          if (!drafts.has(`BD-${client}-${product}`)) draft.run(`BD-${client}-${product}`, client, product, when, when);
          drafts.add(`BD-${client}-${product}`);
          version.run(`BD-${client}-${product}`, `BD-${client}-${product}`, advisor, when);
        }
        if (r < 0.06) {
          const outcome = random.pick(['interested', 'accepted', 'declined', 'no_response'] as const);
          const product = listed[random.int(0, 3)]!;
          reaction.run(
            `BR-${i}`,
            client,
            product,
            new Date(at + 7_200_000).toISOString(),
            policy,
            outcome,
            advisor,
            id,
          );
        }
      }
    })();
  }
  return { ms: performance.now() - started };
}

/** The demo book, then `count` impressions: the bulk raw and rebuilt, the last 20,000 through the triggers. */
async function generateStore(dir: string, file: string, count: number, now: Date, lines: string[]): Promise<void> {
  const backend = openBackend({ dataDir: dir, mode: 'browser', now: () => now, languageEngine: 'in-process' });
  await backend.handlers['app:info']({});
  backend.close();
  const db = openDatabase(file);
  // The bulk without the triggers, then the rollup rebuilt from the raw tables (what the migration does); the
  // last 20,000 through the triggers, as the app writes them, to measure what the rollup adds to each write.
  const live = Math.min(20_000, count);
  const triggers = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'funnel_%'")
    .all() as { sql: string }[];
  db.exec(triggers.map((t) => `DROP TRIGGER ${/TRIGGER (\w+)/.exec(t.sql)![1]};`).join('\n'));
  const bulk = generate(db, 0, count - live, count, now.getTime() - DAY);
  const rebuildStarted = performance.now();
  rebuildFunnel(db);
  const rebuildMs = performance.now() - rebuildStarted;
  db.exec(triggers.map((t) => `${t.sql};`).join('\n'));
  const withTriggers = generate(db, count - live, count, count, now.getTime() - DAY);
  const rows = (db.prepare('SELECT count(*) AS n FROM funnel_rollup').get() as { n: number }).n;
  const segmentRows = (db.prepare('SELECT count(*) AS n FROM funnel_segment_rollup').get() as { n: number }).n;
  lines.push(
    `analytics: ${count.toLocaleString('en-US')} impressions (10 products each, 24 advisors, 4 policies, a year); ${(count - live).toLocaleString('en-US')} written raw in ${fmt(bulk.ms)}, rollup rebuilt from them in ${fmt(rebuildMs)}; the last ${live.toLocaleString('en-US')} written through the triggers in ${fmt(withTriggers.ms)} (${((withTriggers.ms * 1000) / live).toFixed(0)} µs per impression with its reactions and drafts); rollup ${rows.toLocaleString('en-US')} + ${segmentRows.toLocaleString('en-US')} rows, file ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`,
  );
  db.close();
}

/**
 * The page as an analyst meets it, in browser mode on the same store: from the click on Analytics in the navigation
 * to the table's total row on screen (the page's code, the answer and the charts), then from choosing an advisor
 * in the filter to the new total on screen. Five of each, medians.
 */
async function browserFigures(dataDir: string): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const app = await startWebApp(dataDir);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.url);
    await signInIfAsked(page);
    const total = page.getByTestId('analytics-groups-table').locator('tbody tr').last().locator('td').first();
    const loads: number[] = [];
    const changes: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.getByTestId('nav-clients').click();
      await page.getByTestId('client-row').first().waitFor({ state: 'visible', timeout: 60_000 });
      const t0 = performance.now();
      await page.getByTestId('nav-analytics').click();
      await total.waitFor({ state: 'visible', timeout: 60_000 });
      loads.push(performance.now() - t0);
      const before = await total.textContent();
      await page.getByTestId('analytics-advisor').locator('..').click();
      const option = page.getByRole('option', { name: ADVISORS[i]! });
      // Once the menu has finished opening (a trial click waits for it to stand still): its animation is not the page's.
      await option.click({ trial: true });
      const t1 = performance.now();
      await option.click();
      await page.waitForFunction(
        ([was]) =>
          document.querySelector('[data-testid="analytics-groups-table"] tbody tr:last-child td')?.textContent !== was,
        [before],
        { timeout: 60_000 },
      );
      changes.push(performance.now() - t1);
    }
    return [
      `analytics page in browser mode, click on Analytics to the table's total on screen: median ${fmt(median(loads))} of 5 (first ${fmt(loads[0]!)})`,
      `analytics page in browser mode, advisor chosen in the filter to the new total on screen: median ${fmt(median(changes))} of 5`,
    ];
  } finally {
    await app.stop();
    await browser.close();
  }
}

function timed(fn: () => unknown, runs = 5): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/**
 * `BENCH_ONLY=analytics`: BENCH_IMPRESSIONS (default 1,000,000) impressions on the demo book in a temp file, then the
 * Analytics page's first answer (the last 90 days by product, weekly), a year's answer, filter changes, and the
 * `analytics funnel` command's wall time (a process of its own, opening the store).
 */
export async function benchAnalytics(count = Number(process.env.BENCH_IMPRESSIONS ?? 1_000_000)): Promise<string[]> {
  // BENCH_ANALYTICS_DIR: a folder kept by an earlier run (BENCH_KEEP=1), measured again without generating.
  const reuse = process.env.BENCH_ANALYTICS_DIR;
  const dir = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-analytics-'));
  const lines: string[] = [];
  try {
    const now = new Date('2026-11-30T09:00:00.000Z');
    const file = path.join(dir, 'advisor-desk.sqlite');
    if (!reuse) await generateStore(dir, file, count, now, lines);
    const db = openDatabase(file);
    const store = funnelStoreOf(db);
    const today = now.toISOString().slice(0, 10);
    const report = (q: FunnelQuery) => funnelReport(store, q, today);
    const year = { from: '2025-11-30', to: '2026-11-29' };
    const cases: [string, FunnelQuery][] = [
      ['page load (the last 13 weeks, by product, weekly)', {}],
      ['filter change: one advisor', { advisor: 'ADV-07' }],
      ['filter change: one family', { family: 'fund' }],
      ['filter change: group by segment', { groupBy: 'segment' }],
      ['filter change: group by category, one policy', { groupBy: 'category', policy: 'model-v12' }],
      [
        'filter change: daily series over the last 35 days',
        { from: '2026-10-26', to: '2026-11-29', groupBy: 'period', period: 'day' },
      ],
      ['filter change: the whole year (by month)', year],
      ['filter change: the whole year by family, one advisor', { ...year, groupBy: 'family', advisor: 'ADV-07' }],
      ['the whole year by week (not a default; shown for scale)', { ...year, period: 'week' }],
    ];
    const shown = report(year).total.counts.shown;
    for (const [name, q] of cases) lines.push(`analytics ${name}: median ${fmt(timed(() => report(q)))} of 5`);
    db.close();
    const cli = path.resolve('dist/main/cli.mjs');
    const cliMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      execFileSync(
        process.execPath,
        [cli, 'analytics', 'funnel', '--by', 'product', '--from', year.from, '--to', year.to, '--db', file],
        {
          stdio: 'pipe',
        },
      );
      cliMs.push(performance.now() - t);
    }
    lines.push(
      `analytics funnel CLI (--by product over the year, ${shown.toLocaleString('en-US')} showings; process start to exit): median ${fmt(median(cliMs))} of 3`,
    );
    lines.push(...(await browserFigures(dir)));
  } finally {
    if (process.env.BENCH_KEEP || reuse) lines.push(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
