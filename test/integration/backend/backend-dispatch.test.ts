import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../../app/contract/channels';
import type { Result } from '../../../app/contract/result';
import type { Client, ClientPage } from '../../../app/domain';
import { renderMessage } from '../../../app/messages';
import { DEFAULT_QUESTIONNAIRE } from '../../../app/risk/questionnaire';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { profile } from '../db/temp-db';
import { backendCalls } from './backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');

describe('backend through dispatch()', () => {
  let dir: string;
  let backend: Backend;
  const events: unknown[] = [];
  const { call, value } = backendCalls(() => backend.handlers);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-backend-'));
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    events.length = 0;
    backend.subscribe((event, payload) => events.push({ event, payload }));
  });
  afterEach(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('implements every channel of the contract', () => {
    expect(Object.keys(backend.handlers).sort()).toEqual((Object.keys(channels) as Channel[]).sort());
  });

  it('seeds the demo book into a new data folder and reports it in app:info', async () => {
    const info = await value<{ clientCount: number; productCount: number; databasePath: string }>('app:info', {});
    expect(info.clientCount).toBe(200);
    expect(info.productCount).toBeGreaterThanOrEqual(55);
    expect(info.databasePath).toBe(path.join(dir, 'advisor-desk.sqlite'));
    const meetings = await value<{ startsAt: string }[]>('meetings:upcoming', { limit: 5 });
    expect(meetings.every((m) => m.startsAt >= NOW.toISOString())).toBe(true);
    const market = await value<{ asOf: string }>('market:latest', {});
    expect(market.asOf).toBe('2026-11-28');
  });

  it('answers a malformed payload with bad_request and keeps working', async () => {
    const bad = await call('clients:list', { limit: 'lots', sortBy: 'password' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect((await call('clients:get', { id: 42 })).ok).toBe(false);
    expect((await call('clients:create', 'not an object')).ok).toBe(false);
    const page = await value<ClientPage>('clients:list', { search: '', limit: 10 });
    expect(page.rows).toHaveLength(10);
    expect(page.total).toBe(200);
  });

  it('answers not_found for an unknown client or product id', async () => {
    expect(await call('clients:get', { id: 'CL-NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('products:get', { id: 'XX' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses an invalid profile with per-field issues in both languages, and saves nothing', async () => {
    const r = (await call('clients:create', {
      profile: profile({ email: 'not-an-email', birthDate: null, investableAssets: 9_000_000, totalAssets: 1 }),
    })) as Result<unknown>;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.issues!.map((i) => i.field).sort()).toEqual(['birthDate', 'email', 'investableAssets']);
    const email = r.error.issues!.find((i) => i.field === 'email')!.message;
    expect(renderMessage(email, 'en')).toBe('Email address is not valid.');
    expect(renderMessage(email, 'zh-CN')).toBe('电子邮箱格式不正确。');
    expect((await value<ClientPage>('clients:list', { search: 'test client' })).total).toBe(0);
    expect(events).toEqual([]);
  });

  it('creates, edits with revision checks, scores a questionnaire and tells subscribers', async () => {
    const created = await value<Client>('clients:create', { profile: profile({ displayName: '李明' }) });
    expect(created).toMatchObject({ displayName: '李明', revision: 1, riskClass: null });
    expect(created.id).toMatch(/^CL-[0-9A-F]{8}$/);
    const edited = await value<Client>('clients:update', {
      id: created.id,
      revision: 1,
      profile: profile({ displayName: '李明', city: '杭州' }),
    });
    expect(edited).toMatchObject({ city: '杭州', revision: 2 });
    expect(await call('clients:update', { id: created.id, revision: 1, profile: profile() })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    const answers = Object.fromEntries(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q.options.at(-1)!.id]));
    const scored = await value<Client>('clients:submit-questionnaire', { clientId: created.id, revision: 2, answers });
    expect(scored).toMatchObject({
      riskClass: 'C5',
      revision: 3,
      questionnaire: { answers, questionnaireVersion: DEFAULT_QUESTIONNAIRE.version },
    });
    const incomplete = await call('clients:submit-questionnaire', {
      clientId: created.id,
      revision: 3,
      answers: { age: 'a', horizon: 'zzz' },
    });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!incomplete.ok) expect(incomplete.error.issues!.map((i) => i.field)).toContain('horizon');

    expect(events).toEqual([
      { event: 'data:changed', payload: { entity: 'clients', id: created.id } },
      { event: 'data:changed', payload: { entity: 'clients', id: created.id } },
      { event: 'data:changed', payload: { entity: 'clients', id: created.id } },
    ]);
    const found = await value<ClientPage>('clients:list', { search: '李明' });
    expect(found.rows.map((r) => r.id)).toContain(created.id);
  });

  it('keeps settings through wipe, and reset-demo brings the demo back', async () => {
    await value('settings:update', { theme: 'dark' });
    const wiped = await value<{ clients: number; products: number }>('data:wipe', {});
    expect(wiped).toMatchObject({ clients: 0, products: 0 });
    expect(await value('settings:get', {})).toEqual({ theme: 'dark', language: 'en', timeZone: 'Asia/Shanghai' });
    expect(events).toContainEqual({ event: 'data:changed', payload: { entity: 'all' } });
    const reset = await value<{ clients: number; interactions: number }>('data:reset-demo', {});
    expect(reset.clients).toBe(200);
    expect(reset.interactions).toBeGreaterThan(5000);
  });

  it('does not re-seed a database the user wiped when it is opened again', async () => {
    await value('data:wipe', {});
    backend.close();
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    expect((await value<{ clients: number }>('data:summary', {})).clients).toBe(0);
  });

  it('shows a client with holdings, interactions and meetings', async () => {
    const detail = await value<{ client: Client; interactions: { productNameEn: string }[] }>('clients:get', {
      id: 'CL-0001',
    });
    expect(detail.client.id).toBe('CL-0001');
    expect(detail.interactions.length).toBeGreaterThan(0);
    expect(detail.interactions[0]!.productNameEn.length).toBeGreaterThan(0);
  });
});
