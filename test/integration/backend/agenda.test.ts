import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaMeeting } from '../../../app/contract';
import type { DeskUser, Meeting, UserSettings } from '../../../app/domain';
import { meetingEndMs } from '../../../app/domain';
import { zonedDayRange } from '../../../app/meetings/day-range';
import { COMPLIANCE_REFUSAL } from '../../../app/users/permissions';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { listAuditEntries } from '../../../main/db/audit-log';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { openDatabase } from '../../../main/db/connection';
import { backendCalls } from './backend-calls';

const ZONE = 'Asia/Shanghai';
// 10:00 on Thursday 3 December in Shanghai, 02:00 in UTC.
const NOW = new Date('2026-12-03T02:00:00.000Z');
const TODAY = '2026-12-03';

const branchClock = (instant: string | number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );

/**
 * The agenda through dispatch() on a real store: the demo's meetings in the branch's office hours, days cut in the
 * advisor's zone, and booking, moving and cancelling checked by role, audited, and leaving a trail that verifies.
 */
describe('agenda', () => {
  let dir: string;
  let backend: Backend;
  const { call, value } = backendCalls(() => backend.handlers);
  const signIn = (id: string) => value<DeskUser>('users:sign-in', { id });
  const day = (date: string, advisorId: string, timeZone = ZONE) =>
    value<AgendaMeeting[]>('meetings:range', { ...zonedDayRange(date, timeZone), advisorId });
  let clientId = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-agenda-'));
    backend = openBackend({ dataDir: dir, mode: 'browser', now: () => NOW });
    await signIn('ADV-01');
    clientId = (await value<{ rows: { id: string }[] }>('clients:list', { limit: 1 })).rows[0]!.id;
  }, 120_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("starts the demo store on the branch's clock, with the advisor's own meetings today and tomorrow in office hours", async () => {
    expect((await value<UserSettings>('settings:get', {})).timeZone).toBe(ZONE);
    for (const date of [TODAY, '2026-12-04']) {
      const mine = await day(date, 'ADV-01');
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((m) => m.advisorId === 'ADV-01' && m.status === 'scheduled')).toBe(true);
      for (const m of mine) {
        expect(branchClock(m.startsAt) >= '09:00').toBe(true);
        expect(branchClock(meetingEndMs(m)) <= '17:30').toBe(true);
      }
      const everyone = await day(date, 'all');
      expect(new Set(everyone.map((m) => m.advisorId)).size).toBeGreaterThan(1);
    }
  });

  it('books, moves and cancels a meeting, each with an audit entry, keeping the cancelled one in the day', async () => {
    const created = await value<Meeting>('meetings:create', {
      clientId,
      startsAt: '2026-12-07T09:00:00.000Z', // Monday 17:00 in Shanghai
      durationMinutes: 30,
      location: 'client-office',
      locationNote: 'Floor 12',
      purpose: 'protection-review',
    });
    expect(created).toMatchObject({ advisorId: 'ADV-01', status: 'scheduled', locationNote: 'Floor 12' });
    const moved = await value<Meeting>('meetings:move', { id: created.id, startsAt: '2026-12-08T01:00:00.000Z' });
    expect(moved).toMatchObject({ startsAt: '2026-12-08T01:00:00.000Z', durationMinutes: 30 });
    const cancelled = await value<Meeting>('meetings:cancel', { id: created.id });
    expect(cancelled.status).toBe('cancelled');

    const tuesday = await day('2026-12-08', 'ADV-01');
    expect(tuesday.find((m) => m.id === created.id)).toMatchObject({ status: 'cancelled' });
    const upcoming = await value<Meeting[]>('meetings:upcoming', { limit: 500 });
    expect(upcoming.some((m) => m.id === created.id)).toBe(false);

    const db = openDatabase(backend.databasePath);
    try {
      const entries = listAuditEntries(db, { entity: 'meeting' }).filter((e) => e.entityId === created.id);
      expect(entries.map((e) => [e.action, e.actor])).toEqual([
        ['create', 'ADV-01'],
        ['move', 'ADV-01'],
        ['cancel', 'ADV-01'],
      ]);
      expect(entries[1]).toMatchObject({
        before: { startsAt: '2026-12-07T09:00:00.000Z' },
        after: { startsAt: '2026-12-08T01:00:00.000Z' },
      });
      expect(entries[2]).toMatchObject({ before: { status: 'scheduled' }, after: { status: 'cancelled' } });
      expect(verifyAuditChain(db).problems).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuses a time that has passed and a clash with the advisor’s own meeting', async () => {
    const past = await call('meetings:create', {
      clientId,
      startsAt: '2026-12-03T01:00:00.000Z',
      durationMinutes: 30,
      location: 'phone',
      purpose: 'annual-review',
    });
    expect(past).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ field: 'startsAt' }] } });
    const [first] = await day(TODAY, 'ADV-01');
    const clash = await call('meetings:create', {
      clientId,
      startsAt: first!.startsAt,
      durationMinutes: 30,
      location: 'phone',
      purpose: 'annual-review',
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('cuts days in the zone asked for: 01:00 in Shanghai on Saturday is still Friday in UTC', async () => {
    const late = await value<Meeting>('meetings:create', {
      clientId,
      startsAt: '2026-12-04T17:00:00.000Z',
      durationMinutes: 30,
      location: 'video',
      purpose: 'financing-needs',
    });
    const has = (list: AgendaMeeting[]) => list.some((m) => m.id === late.id);
    expect(has(await day('2026-12-04', 'ADV-01'))).toBe(false);
    expect(has(await day('2026-12-05', 'ADV-01'))).toBe(true);
    expect(has(await day('2026-12-04', 'ADV-01', 'UTC'))).toBe(true);
    expect(has(await day('2026-12-04', 'ADV-01', 'America/New_York'))).toBe(true);
  });

  it('lets compliance and reviewers read the agenda but not change it; an advisor arranges only their own', async () => {
    const [theirs] = await day(TODAY, 'ADV-02');
    expect(await call('meetings:cancel', { id: theirs!.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    await signIn('CMP-01');
    expect((await day(TODAY, 'all')).length).toBeGreaterThan(0);
    expect(await call('meetings:cancel', { id: theirs!.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: COMPLIANCE_REFUSAL },
    });
    await signIn('REV-01');
    expect(await call('meetings:move', { id: theirs!.id, startsAt: '2026-12-09T02:00:00.000Z' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Arranging meetings is for advisors and administrators.' },
    });

    // The branch manager administers the desk and may move a colleague's meeting.
    await signIn('ADV-03');
    const moved = await value<Meeting>('meetings:move', { id: theirs!.id, startsAt: '2026-12-09T02:00:00.000Z' });
    expect(moved.advisorId).toBe('ADV-02');
    const status = await value<{ state: string }>('audit:check', {});
    expect(status.state).toBe('ok');
    await signIn('ADV-01');
  });
});
