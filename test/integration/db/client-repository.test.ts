import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientListQuerySchema, type ClientListQueryInput } from '../../../app/domain';
import { listAuditEntries } from '../../../main/db/audit-log';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import {
  bulkInsertClients,
  countClients,
  getClient,
  insertClient,
  listClients,
  recordQuestionnaire,
  updateClient,
  type NewClient,
} from '../../../main/db/client-repository';
import { insertMeetings } from '../../../main/db/meeting-repository';
import { profile, tempDb } from './temp-db';
import { DomainError } from '../../../app/domain/domain-error';

const AT = '2026-03-01T10:00:00.000Z';
const client = (id: string, overrides: Parameters<typeof profile>[0] = {}): NewClient => ({
  id,
  profile: profile(overrides),
  riskClass: null,
  questionnaire: null,
  createdAt: AT,
  updatedAt: AT,
});
const list = (db: Parameters<typeof listClients>[0], q: ClientListQueryInput) =>
  listClients(db, ClientListQuerySchema.parse(q), AT);

describe('client repository', () => {
  let env: ReturnType<typeof tempDb>;
  beforeEach(() => {
    env = tempDb();
    bulkInsertClients(
      env.db,
      [
        client('CL-0001', {
          displayName: '王芳',
          language: 'zh-CN',
          city: '上海',
          email: 'wangfang@example.cn',
          investableAssets: 800_000,
        }),
        client('CL-0002', {
          displayName: '王芳芳',
          language: 'zh-CN',
          city: '北京',
          email: null,
          investableAssets: 300_000,
        }),
        client('CL-0003', {
          displayName: 'Alice Wang',
          city: 'Hong Kong',
          email: 'alice@example.com',
          phone: '+852 9876 5432',
          investableAssets: 300_000,
        }),
        client('CL-0004', {
          displayName: 'Bob Turner',
          city: 'London',
          email: 'bob@example.com',
          investableAssets: 1_200_000,
        }),
        client('CL-0005', {
          kind: 'business',
          displayName: '深圳市鼎盛物流有限公司',
          birthDate: null,
          foundedDate: '2015-01-01',
          sector: 'logistics',
          city: '深圳',
          investableAssets: 2_000_000,
        }),
      ],
      'test',
    );
  });
  afterEach(() => env.cleanup());

  it('returns the domain object it stored, field for field', () => {
    const stored = getClient(env.db, 'CL-0003')!;
    expect(stored).toMatchObject({
      ...profile({
        displayName: 'Alice Wang',
        city: 'Hong Kong',
        email: 'alice@example.com',
        phone: '+852 9876 5432',
        investableAssets: 300_000,
      }),
      id: 'CL-0003',
      revision: 1,
      riskClass: null,
      questionnaire: null,
    });
    expect(getClient(env.db, 'nope')).toBeNull();
  });

  it('finds clients by a 2-character Chinese name, case-insensitive English, email, phone digits and city', () => {
    expect(list(env.db, { search: '王芳' }).rows.map((r) => r.id)).toEqual(['CL-0001', 'CL-0002']);
    expect(
      list(env.db, { search: 'WANG' })
        .rows.map((r) => r.id)
        .sort(),
    ).toEqual(['CL-0001', 'CL-0003']);
    expect(list(env.db, { search: 'bob@' }).rows.map((r) => r.id)).toEqual(['CL-0004']);
    expect(list(env.db, { search: '98765432' }).rows.map((r) => r.id)).toEqual(['CL-0003']);
    expect(list(env.db, { search: '深圳' }).rows.map((r) => r.id)).toEqual(['CL-0005']);
    expect(list(env.db, { search: 'cl-0004' }).total).toBe(1);
    expect(list(env.db, { search: '100%_' }).total).toBe(0);
  });

  it('filters by kind, sorts either way with id breaking ties, and pages with a stable total', () => {
    expect(list(env.db, { kind: 'business' }).rows.map((r) => r.id)).toEqual(['CL-0005']);
    const asc = list(env.db, { sortBy: 'investableAssets', sortDir: 'asc' }).rows.map((r) => r.id);
    expect(asc).toEqual(['CL-0002', 'CL-0003', 'CL-0001', 'CL-0004', 'CL-0005']);
    const desc = list(env.db, { sortBy: 'investableAssets', sortDir: 'desc' }).rows.map((r) => r.id);
    expect(desc).toEqual(['CL-0005', 'CL-0004', 'CL-0001', 'CL-0003', 'CL-0002']);
    const page1 = list(env.db, { sortBy: 'id', limit: 2, offset: 0 });
    const page3 = list(env.db, { sortBy: 'id', limit: 2, offset: 4 });
    expect(page1).toMatchObject({ total: 5, offset: 0 });
    expect(page1.rows.map((r) => r.id)).toEqual(['CL-0001', 'CL-0002']);
    expect(page3.rows.map((r) => r.id)).toEqual(['CL-0005']);
    expect(list(env.db, { offset: 50 }).rows).toEqual([]);
  });

  it('shows the next upcoming meeting, not a past or cancelled one', () => {
    insertMeetings(env.db, [
      {
        id: 'M1',
        clientId: 'CL-0004',
        startsAt: '2026-02-01T09:00:00.000Z',
        durationMinutes: 30,
        location: 'branch',
        purpose: 'annual-review',
        advisorId: 'A',
      },
      {
        id: 'M2',
        clientId: 'CL-0004',
        startsAt: '2026-03-09T09:00:00.000Z',
        durationMinutes: 30,
        location: 'branch',
        purpose: 'annual-review',
        advisorId: 'A',
      },
      {
        id: 'M3',
        clientId: 'CL-0004',
        startsAt: '2026-03-05T09:00:00.000Z',
        durationMinutes: 30,
        location: 'branch',
        purpose: 'annual-review',
        advisorId: 'A',
      },
      {
        id: 'M4',
        clientId: 'CL-0004',
        startsAt: '2026-03-02T09:00:00.000Z',
        durationMinutes: 30,
        location: 'phone',
        purpose: 'annual-review',
        advisorId: 'A',
        status: 'cancelled',
      },
    ]);
    const row = list(env.db, { search: 'bob' }).rows[0]!;
    expect(row.nextMeetingAt).toBe('2026-03-05T09:00:00.000Z');
  });

  it('saves an edit against the current revision and refuses a stale one with conflict', () => {
    const updated = updateClient(env.db, 'CL-0004', 1, profile({ displayName: 'Robert Turner' }), {
      at: '2026-03-02T00:00:00.000Z',
      actor: 'advisor',
    });
    expect(updated).toMatchObject({ displayName: 'Robert Turner', revision: 2, updatedAt: '2026-03-02T00:00:00.000Z' });
    expect(list(env.db, { search: 'robert' }).total).toBe(1);
    let caught: unknown;
    try {
      updateClient(env.db, 'CL-0004', 1, profile({ displayName: 'Stale Edit' }), { at: AT, actor: 'other' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('conflict');
    expect(getClient(env.db, 'CL-0004')!.displayName).toBe('Robert Turner');
    expect(() => updateClient(env.db, 'missing', 1, profile(), { at: AT, actor: 'x' })).toThrow(/No client/);
  });

  it('records each create, update and questionnaire in a verifiable audit trail that cannot be rewritten', () => {
    updateClient(env.db, 'CL-0004', 1, profile({ investableAssets: 5 }), { at: AT, actor: 'advisor' });
    recordQuestionnaire(
      env.db,
      'CL-0004',
      2,
      { questionnaireVersion: 'v1', completedAt: AT, answers: { a: 'b' }, score: 15, riskClass: 'C3' },
      { actor: 'advisor' },
    );
    const entries = listAuditEntries(env.db, { entity: 'client', entityId: 'CL-0004' });
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'questionnaire']);
    expect((entries[1]!.before as { investableAssets: number }).investableAssets).toBe(1_200_000);
    expect((entries[1]!.after as { investableAssets: number }).investableAssets).toBe(5);
    expect(getClient(env.db, 'CL-0004')).toMatchObject({
      riskClass: 'C3',
      revision: 3,
      questionnaire: { score: 15, answers: { a: 'b' } },
    });
    expect(verifyAuditChain(env.db)).toEqual({ ok: true, entries: 7, problems: [] });
    expect(() => env.db.prepare("UPDATE audit_log SET after_json = '{}' WHERE seq = 6").run()).toThrow(/append-only/);
    expect(() => env.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('detects an audit entry altered behind the triggers’ back', () => {
    env.db.exec('DROP TRIGGER audit_log_no_update');
    env.db.prepare("UPDATE audit_log SET actor = 'intruder' WHERE seq = 2").run();
    expect(verifyAuditChain(env.db)).toMatchObject({
      ok: false,
      problems: [{ kind: 'entries-altered', fromSeq: 2, toSeq: 2 }],
    });
  });

  it('imports all clients of a bulk insert or none of them', () => {
    const before = countClients(env.db);
    expect(() =>
      bulkInsertClients(env.db, [client('CL-0100'), client('CL-0101'), client('CL-0001')], 'import'),
    ).toThrow(/UNIQUE/);
    expect(countClients(env.db)).toBe(before);
    expect(getClient(env.db, 'CL-0100')).toBeNull();
    expect(listAuditEntries(env.db, { entityId: 'CL-0100' })).toEqual([]);
    insertClient(env.db, client('CL-0100'), 'import');
    expect(countClients(env.db)).toBe(before + 1);
  });
});
