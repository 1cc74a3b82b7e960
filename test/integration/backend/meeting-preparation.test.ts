import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparationJobView } from '../../../app/contract';
import type { Backend, BackendOptions } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase } from '../../../main/db/connection';
import { addMeetingDay, PREPARATION_DAY } from '../../fixtures/preparation-day';
import { tempDir } from '../db/temp-db';
import { backendCalls } from './backend-calls';

const NOW = new Date('2027-01-11T08:00:00.000Z');
const CLIENTS = 4;

function open(dir: string, extra: Partial<BackendOptions> = {}): Backend {
  return openBackend({
    user: { firstActiveAdministrator: true },
    dataDir: dir,
    mode: 'browser',
    now: () => NOW,
    languageEngine: 'in-process',
    ...extra,
  });
}

/** Resolves with the first progress view of the job that satisfies `until`. */
function progressUntil(
  backend: Backend,
  jobId: () => string,
  until: (view: PreparationJobView) => boolean,
): Promise<PreparationJobView> {
  return new Promise((resolve) => {
    const stop = backend.subscribe((event, payload) => {
      if (event !== 'prepare:progress') return;
      const view = payload as PreparationJobView;
      if (view.id !== jobId() || !until(view)) return;
      stop();
      resolve(view);
    });
  });
}

function countRows(databasePath: string, sql: string, ...params: unknown[]): number {
  const db = openDatabase(databasePath);
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

const draftsOf = (file: string, clients: string[]) =>
  countRows(
    file,
    `SELECT count(*) AS n FROM pitch_drafts WHERE client_id IN (${clients.map(() => '?').join(',')})`,
    ...clients,
  );
const batchImpressions = (file: string) =>
  countRows(file, `SELECT count(*) AS n FROM ranking_impressions WHERE surface = 'batch'`);

/**
 * Preparing a day on a real database file with the real template engine: every client gets a ranking logged as a
 * batch impression, drafts for its top suitable products and a pack; pause, cancel and a restart mid-way behave
 * as an advisor expects, and a resumed job does not redo what was finished.
 */
describe('meeting preparation (template engine)', () => {
  let dir: string;
  let backend: Backend;
  let clients: string[];
  const { value, call } = backendCalls(() => backend.handlers);

  beforeAll(() => {
    dir = tempDir('ad-prepare-');
    backend = open(dir);
    clients = addMeetingDay(backend.databasePath, CLIENTS).clientIds;
  }, 120_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prepares every client of the day: ranking, drafts in their language, a pack each, with progress', async () => {
    const seen: PreparationJobView[] = [];
    let jobId = '';
    const listener = backend.subscribe((event, payload) => {
      if (event === 'prepare:progress' && (payload as PreparationJobView).id === jobId)
        seen.push(payload as PreparationJobView);
    });
    const finished = progressUntil(
      backend,
      () => jobId,
      (v) => v.state === 'completed',
    );
    const started = await value<PreparationJobView>('prepare:start', {
      date: PREPARATION_DAY,
      timeZone: 'UTC',
      advisorId: 'ADV-TEST',
    });
    jobId = started.id;
    expect(started.total).toBe(CLIENTS);
    expect(started.state).toBe('running');
    const done = await finished;
    listener();

    expect(done.done + done.failed).toBe(CLIENTS);
    expect(done.failed).toBe(0);
    expect(done.engine).toEqual({ kind: 'template' });
    for (const item of done.items) {
      expect(item.status).toBe('done');
      expect(item.drafts.length).toBe(item.draftsWanted);
      expect(item.drafts.every((d) => d.source === 'template' && d.version === 1)).toBe(true);
      const pack = fs.readFileSync(path.join(done.outDir, item.packFile!));
      expect(pack.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(done.items.some((i) => i.drafts.length === 3)).toBe(true);
    // Progress was reported client by client, not only at the end.
    const doneCounts = [...new Set(seen.map((v) => v.done))];
    expect(doneCounts.length).toBeGreaterThanOrEqual(CLIENTS);
    expect(batchImpressions(backend.databasePath)).toBe(CLIENTS);

    // Drafts are in each client's language.
    const db = openDatabase(backend.databasePath);
    try {
      const mismatched = db
        .prepare(
          `SELECT count(*) AS n FROM pitch_drafts d JOIN clients c ON c.id = d.client_id
           WHERE d.id IN (${done.items.flatMap((i) => i.drafts.map(() => '?')).join(',')}) AND d.language <> c.language`,
        )
        .get(...done.items.flatMap((i) => i.drafts.map((d) => d.draftId))) as { n: number };
      expect(mismatched.n).toBe(0);
    } finally {
      db.close();
    }
    const listed = await value<PreparationJobView[]>('prepare:jobs', {});
    expect(listed[0]!.id).toBe(jobId);
    // The agenda's rows say so.
    const agenda = await value<{ id: string; preparation?: { status: string } }[]>('meetings:range', {
      from: `${PREPARATION_DAY}T00:00:00.000Z`,
      to: `${PREPARATION_DAY}T23:59:59.999Z`,
      advisorId: 'ADV-TEST',
    });
    expect(agenda.map((m) => m.preparation?.status)).toEqual(Array(CLIENTS).fill('prepared'));
  });

  it('pauses after the step under way and resumes to the end', async () => {
    let jobId = '';
    const firstDone = progressUntil(
      backend,
      () => jobId,
      (v) => v.done >= 1,
    );
    const started = await value<PreparationJobView>('prepare:start', {
      date: PREPARATION_DAY,
      timeZone: 'UTC',
      advisorId: 'ADV-TEST',
      top: 1,
    });
    jobId = started.id;
    await firstDone;
    const paused = await value<PreparationJobView>('prepare:pause', { jobId });
    expect(paused.state).toBe('paused');
    // Nothing more happens while paused.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const still = (await value<PreparationJobView[]>('prepare:jobs', {})).find((j) => j.id === jobId)!;
    expect(still.state).toBe('paused');
    expect(still.done).toBeLessThan(CLIENTS);
    const again = await call('prepare:pause', { jobId });
    expect(again.ok).toBe(false);

    const completed = progressUntil(
      backend,
      () => jobId,
      (v) => v.state === 'completed',
    );
    await value('prepare:resume', { jobId });
    expect((await completed).done).toBe(CLIENTS);
  });

  it('cancels: the job stops, and what was finished stays', async () => {
    let jobId = '';
    const firstDone = progressUntil(
      backend,
      () => jobId,
      (v) => v.done >= 1,
    );
    jobId = (
      await value<PreparationJobView>('prepare:start', {
        date: PREPARATION_DAY,
        timeZone: 'UTC',
        advisorId: 'ADV-TEST',
      })
    ).id;
    await firstDone;
    const cancelled = await value<PreparationJobView>('prepare:cancel', { jobId });
    expect(cancelled.state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = (await value<PreparationJobView[]>('prepare:jobs', {})).find((j) => j.id === jobId)!;
    expect(after.state).toBe('cancelled');
    expect(after.done).toBeGreaterThanOrEqual(1);
    expect(after.done).toBeLessThan(CLIENTS);
    expect((await call('prepare:resume', { jobId })).ok).toBe(false);
    expect(clients.length).toBe(CLIENTS);
  });

  it('leaves cancelled meetings out', async () => {
    const db = openDatabase(backend.databasePath);
    try {
      db.prepare(`UPDATE meetings SET status = 'cancelled' WHERE id = ?`).run(`MT-PREP-${PREPARATION_DAY}-1`);
    } finally {
      db.close();
    }
    const started = await value<PreparationJobView>('prepare:start', {
      date: PREPARATION_DAY,
      timeZone: 'UTC',
      advisorId: 'ADV-TEST',
      top: 1,
    });
    expect(started.total).toBe(CLIENTS - 1);
    expect(started.items.map((i) => i.meetingId)).not.toContain(`MT-PREP-${PREPARATION_DAY}-1`);
    await value('prepare:cancel', { jobId: started.id });
    const refused = await call('prepare:start', { meetingIds: [`MT-PREP-${PREPARATION_DAY}-1`] });
    expect(refused.ok).toBe(false);
  });
});

describe('meeting preparation across a restart of the backend', () => {
  let dir: string;

  beforeAll(() => {
    dir = tempDir('ad-prepare-restart-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('resumes an interrupted job without redoing finished clients', async () => {
    let backend = open(dir);
    const { clientIds } = addMeetingDay(backend.databasePath, CLIENTS);
    const file = backend.databasePath;
    let jobId = '';
    const twoDone = progressUntil(
      backend,
      () => jobId,
      (v) => v.done >= 2,
    );
    jobId = (
      await backendCalls(() => backend.handlers).value<PreparationJobView>('prepare:start', {
        date: PREPARATION_DAY,
        timeZone: 'UTC',
        advisorId: 'ADV-TEST',
      })
    ).id;
    const midway = await twoDone;
    backend.close();
    const finishedBefore = midway.items.filter((i) => i.status === 'done');
    const draftsBefore = draftsOf(
      file,
      finishedBefore.map((i) => i.clientId),
    );
    const impressionsBefore = batchImpressions(file);
    expect(finishedBefore.length).toBeGreaterThanOrEqual(2);

    backend = open(dir);
    try {
      const { value } = backendCalls(() => backend.handlers);
      const reopened = (await value<PreparationJobView[]>('prepare:jobs', {})).find((j) => j.id === jobId)!;
      expect(reopened.state).toBe('paused');
      expect(reopened.interrupted).toBe(true);
      expect(reopened.done).toBe(finishedBefore.length);

      const completed = progressUntil(
        backend,
        () => jobId,
        (v) => v.state === 'completed',
      );
      await value('prepare:resume', { jobId });
      const end = await completed;
      expect(end.done).toBe(CLIENTS);
      // The finished clients were not drafted or ranked again.
      expect(
        draftsOf(
          file,
          finishedBefore.map((i) => i.clientId),
        ),
      ).toBe(draftsBefore);
      const remaining = clientIds.filter((c) => !finishedBefore.some((i) => i.clientId === c));
      expect(batchImpressions(file) - impressionsBefore).toBeLessThanOrEqual(remaining.length);
      expect(batchImpressions(file)).toBe(CLIENTS);
      const drafted = end.items.reduce((n, i) => n + i.drafts.length, 0);
      expect(draftsOf(file, clientIds)).toBe(drafted);
    } finally {
      backend.close();
    }
  });
});
