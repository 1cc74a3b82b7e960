import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../app/demo/demo-data';
import { listAuditEntries } from '../../../main/db/audit-log';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { summarizeData, wipeData } from '../../../main/db/data-maintenance';
import { seedDemoData } from '../../../main/db/demo-seed';
import { listHoldingsForClient } from '../../../main/db/holding-repository';
import { listInteractions, listInteractionsForClient } from '../../../main/db/interaction-repository';
import { latestMarketSnapshot, listMarketSnapshots } from '../../../main/db/market-repository';
import { listUpcomingMeetings } from '../../../main/db/meeting-repository';
import { systemTimeZone } from '../../../app/meetings/day-range';
import { getProduct, listProducts } from '../../../main/db/product-repository';
import { getSettings, updateSettings } from '../../../main/db/settings-repository';
import { tempDb } from './temp-db';

const TODAY = '2026-11-28';
const data = generateDemoData({ today: TODAY, clientCount: 40, interactionCount: 500 });

describe('catalog, market, meetings, interactions, settings and wipe', () => {
  let env: ReturnType<typeof tempDb>;
  beforeEach(() => {
    env = tempDb();
    seedDemoData(env.db, data);
  });
  afterEach(() => env.cleanup());

  it('gives back products exactly as the catalog defined them, searchable in both languages', () => {
    const original = data.products.find((p) => p.id === 'FD-BL-01')!;
    expect(getProduct(env.db, 'FD-BL-01')).toEqual(original);
    expect(listProducts(env.db, { search: '', family: 'insurance' }).every((p) => p.family === 'insurance')).toBe(true);
    expect(listProducts(env.db, { search: '定期存款', family: null }).map((p) => p.id)).toContain('DP-TD-12');
    expect(listProducts(env.db, { search: 'mortgage', family: null }).length).toBeGreaterThan(0);
  });

  it('answers the latest market state as of a date and the history in order', () => {
    expect(latestMarketSnapshot(env.db)).toEqual(data.marketSnapshots.at(-1));
    expect(latestMarketSnapshot(env.db, '2026-06-15')!.asOf).toBe('2026-06-15');
    const june = listMarketSnapshots(env.db, { from: '2026-06-01', to: '2026-06-30' });
    expect(june).toHaveLength(30);
  });

  it('lists upcoming meetings soonest first with the client name, and a client’s holdings and history', () => {
    const upcoming = listUpcomingMeetings(env.db, `${TODAY}T00:00:00.000Z`, 10);
    expect(upcoming.length).toBeGreaterThan(0);
    expect(upcoming.map((m) => m.startsAt)).toEqual([...upcoming.map((m) => m.startsAt)].sort());
    expect(upcoming[0]!.clientName).toBe(data.clients.find((c) => c.id === upcoming[0]!.clientId)!.profile.displayName);
    const holder = data.holdings[0]!;
    expect(listHoldingsForClient(env.db, holder.clientId).map((h) => h.id)).toContain(holder.id);
    const someone = data.interactions.at(-1)!.clientId;
    const history = listInteractionsForClient(env.db, someone);
    expect(history[0]!.occurredAt >= history.at(-1)!.occurredAt).toBe(true);
    expect(listInteractions(env.db)).toHaveLength(500);
  });

  it('keeps settings across reopen and falls back to defaults for a damaged value', () => {
    // The demo book is a Shanghai branch's: its store starts on the branch's clock.
    expect(getSettings(env.db)).toEqual({ theme: 'light', language: 'en', timeZone: 'Asia/Shanghai' });
    expect(updateSettings(env.db, { language: 'zh-CN' }, '2026-01-01T00:00:00Z')).toEqual({
      theme: 'light',
      language: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    env.db.prepare("UPDATE settings SET value_json = '\"klingon\"' WHERE key = 'language'").run();
    expect(getSettings(env.db).language).toBe('en');
    env.db.prepare("UPDATE settings SET value_json = '\"Mars/Olympus_Mons\"' WHERE key = 'timeZone'").run();
    expect(getSettings(env.db).timeZone).toBe(systemTimeZone());
  });

  it('wipes every business table but keeps settings and the audit trail, recording the wipe', () => {
    updateSettings(env.db, { theme: 'dark' }, '2026-01-01T00:00:00Z');
    wipeData(env.db, { at: '2026-11-28T10:00:00.000Z', actor: 'tester' });
    expect(summarizeData(env.db)).toEqual({
      clients: 0,
      products: 0,
      interactions: 0,
      meetings: 0,
      marketSnapshots: 0,
    });
    expect(getSettings(env.db).theme).toBe('dark');
    const last = listAuditEntries(env.db).at(-1)!;
    expect(last).toMatchObject({ action: 'wipe', actor: 'tester', before: { clients: 40 } });
    expect(verifyAuditChain(env.db).ok).toBe(true);
  });
});
