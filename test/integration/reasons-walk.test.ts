import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Holding, MarketSnapshot, Product } from '../../app/domain';
import { generateDemoData } from '../../app/demo';
import { message, type Message } from '../../app/messages';
import { amountText } from '../../app/domain/money-text';
import { CONCEPT_OF, conceptOf, reasonText } from '../../app/ranking/reason-phrases';
import type { ScoredClient, ScoringContext } from '../../app/scoring/scoring-context';
import { checkSuitability, DEFAULT_RULE_SET } from '../../app/suitability';
import { openStore } from '../../main/db/open-store';
import { sqliteStores } from '../../main/db/sqlite-stores';
import { importEventsCsv } from '../../main/import/import-events';
import { checkReason, type ReasonProblem, type ReasonSubject } from './support/reason-checker';

/**
 * Every reason template, walked over every client × product of a book: each score reason (every concept, both
 * directions, every feature that can lead it) and each suitability check, rendered in both languages and put
 * through the checker. The demo book and samples of the imported real data sets (placeholder clients with empty
 * profiles, custom attributes) are walked alike.
 */

interface Book {
  name: string;
  clients: readonly ScoredClient[];
  products: readonly Product[];
  holdings: readonly Holding[];
  market: MarketSnapshot | null;
  today: string;
}

interface WalkResult {
  checked: number;
  problems: ReasonProblem[];
}

/** The features that can lead each concept, and the categorical values a feature's top index may stand for. */
function featureVariants(client: ScoredClient, product: Product, market: MarketSnapshot | null): string[] {
  const features = Object.keys(CONCEPT_OF);
  for (const name of Object.keys(client.customAttributes)) features.push(`client.custom.${name}`);
  for (const name of Object.keys(product.customAttributes)) features.push(`product.custom.${name}`);
  for (const name of Object.keys(market?.indicators ?? {})) features.push(`market.custom.${name}`);
  features.push(
    'market.equityTrend3m',
    'market.policyRate',
    'market.inflation',
    'market.other',
    'llm.similarity',
    'llm.fit',
  );
  return features;
}

function walkBook(book: Book, limit = Number.POSITIVE_INFINITY): WalkResult {
  const problems: ReasonProblem[] = [];
  let checked = 0;
  const seenProblem = new Set<string>();
  const check = (msg: Message, subject: ReasonSubject) => {
    checked++;
    for (const p of checkReason(msg, subject)) {
      // One example of each problem per template is enough to read; the count says how often.
      const id = `${p.key}|${p.problem}`;
      if (seenProblem.has(id)) continue;
      seenProblem.add(id);
      problems.push(p);
    }
  };
  const catalog = book.products;
  const at = `${book.today}T09:00:00.000Z`;
  let pairs = 0;
  for (const client of book.clients) {
    const holdings = book.holdings.filter((h) => h.clientId === client.id);
    for (const product of catalog) {
      if (pairs++ >= limit) return { checked, problems };
      const subject: ReasonSubject = { client, product, market: book.market };
      const verdict = checkSuitability(client, product, {
        holdings,
        today: book.today,
        ruleSet: DEFAULT_RULE_SET,
        catalog,
      });
      for (const c of verdict.checks) check(c.reason, subject);
      const context: ScoringContext = {
        client,
        product,
        market: book.market,
        at,
        signals: { similarity: 0.62, fit: 0.4 },
      };
      const said = new Set<string>();
      for (const feature of featureVariants(client, product, book.market)) {
        const values: (string | null)[] = feature === 'client.objective' ? [null, ...client.objectives] : [null];
        for (const value of values)
          for (const up of [true, false]) {
            const msg = reasonText(conceptOf(feature), up, { feature, value, context });
            const key = JSON.stringify(msg);
            if (said.has(key)) continue;
            said.add(key);
            check(msg, subject);
          }
      }
    }
  }
  return { checked, problems };
}

function demoBook(): Book {
  const today = '2026-11-30';
  const demo = generateDemoData({ today, interactionCount: 0 });
  return {
    name: 'demo',
    clients: demo.clients.map((c) => ({ ...c.profile, id: c.id, riskClass: c.riskClass })),
    products: demo.products.filter((p) => p.active),
    holdings: demo.holdings,
    market: demo.marketSnapshots.at(-1) ?? null,
    today,
  };
}

const CACHE = path.join(os.tmpdir(), 'advisor-desk-quality');
const SAMPLE_ROWS = 400;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-reasons-walk-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The event tables make_events.py wrote (the quality bench keeps them in its cache), first rows of each. */
function eventTables(): { name: string; csv: string }[] {
  if (!fs.existsSync(CACHE)) return [];
  return fs
    .readdirSync(CACHE)
    .filter((f) => f.endsWith('-events.csv'))
    .sort()
    .map((f) => {
      const lines = fs
        .readFileSync(path.join(CACHE, f), 'utf8')
        .split('\n')
        .slice(0, SAMPLE_ROWS + 1);
      const csv = path.join(work, f);
      fs.writeFileSync(csv, `${lines.join('\n')}\n`);
      return { name: f.replace(/-events\.csv$/, ''), csv };
    });
}

async function importedBook(name: string, csv: string): Promise<Book> {
  const { db } = openStore(path.join(work, `${name}.sqlite`));
  try {
    await importEventsCsv(db, { file: csv, actor: 'reasons-walk', now: new Date('2026-11-30T09:00:00Z') });
    const book = sqliteStores(db).training.book();
    return {
      name,
      clients: book.clients,
      products: book.products,
      holdings: [],
      market: book.marketSnapshots.at(-1) ?? null,
      today: '2026-11-30',
    };
  } finally {
    db.close();
  }
}

function report(result: WalkResult): string {
  return result.problems.map((p) => `${p.key} [${p.language}] ${p.problem}: ${p.text}`).join('\n');
}

describe('every reason can be said aloud: checked against its figures in both languages', () => {
  it('the checker itself catches the nonsense it looks for', () => {
    const book = demoBook();
    const client = book.clients.find((c) => c.investableAssets > 100_000)!;
    const product = book.products.find((p) => p.minimumAmount === 0)!;
    const subject = { client, product, market: book.market };
    const problems = (msg: Message) => checkReason(msg, subject).map((p) => p.problem);
    // The wording a user heard: a bare zero minimum called large.
    expect(problems(message('reason.wealth.minimum.down', { minimum: '0' }))).toEqual([
      'claim contradicts the figures',
      'money "minimum" without a currency',
    ]);
    expect(problems(message('suit.minimum.within', { minimum: amountText(0), assets: amountText(-5) }))).toEqual([
      'money "minimum" is 0 where a positive amount is meant',
      'money "minimum" is 0 where a positive amount is meant',
      'money "assets" is -5 where a positive amount is meant',
      'money "assets" is -5 where a positive amount is meant',
    ]);
    expect(problems(message('reason.custom.llm.up', { name: 'similarity', shown: '' }))).toEqual([
      'English words not from the record: similarity',
    ]);
    expect(problems(message('reason.horizon.open.up', {}))).toContain('unreplaced placeholder');
    expect(problems(message('reason.age.up', { age: Number.NaN }))).toContain('not a value');
    expect(problems(message('suit.kyc.missing', { fields: '3 month' }))).toContain(
      'singular noun after a count other than 1',
    );
  });

  it('walks the demo book, every client × product, and finds no nonsense', () => {
    const result = walkBook(demoBook());
    console.log(`reasons walk, demo book: ${result.checked} reasons checked`);
    expect(result.checked).toBeGreaterThan(10_000);
    expect(report(result)).toBe('');
  });

  const tables = eventTables();
  it.skipIf(tables.length === 0)(
    'walks books imported from the real data sets (a sample of each event table) and finds no nonsense',
    async () => {
      for (const { name, csv } of tables) {
        const book = await importedBook(name, csv);
        expect(book.clients.length).toBeGreaterThan(0);
        const result = walkBook(book, 3000);
        console.log(`reasons walk, ${name}: ${result.checked} reasons checked`);
        expect(report(result), name).toBe('');
      }
    },
  );
});
