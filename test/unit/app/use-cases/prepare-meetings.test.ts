import { describe, expect, it } from 'vitest';
import type { PreparationJobView } from '../../../../app/contract';
import type { PreparationJob } from '../../../../app/meetings/preparation-job';
import {
  createPrepareMeetings,
  type DraftMade,
  type PreparationStore,
} from '../../../../app/use-cases/prepare-meetings';

function memoryStore(): PreparationStore & { jobs: Map<string, PreparationJob> } {
  const jobs = new Map<string, PreparationJob>();
  const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  return {
    jobs,
    create: (job) => void jobs.set(job.id, copy(job)),
    get: (id) => (jobs.has(id) ? copy(jobs.get(id)!) : null),
    list: (limit) => [...jobs.values()].slice(0, limit).map(copy),
    running: () => [...jobs.values()].filter((j) => j.state === 'running').map((j) => j.id),
    setState: (id, state, interrupted) => Object.assign(jobs.get(id)!, { state, interrupted }),
    setEngine: (id, engine) => Object.assign(jobs.get(id)!, { engine }),
    saveItem: (id, item) => {
      jobs.get(id)!.items[item.position] = copy(item);
    },
    itemsOfMeetings: (ids) =>
      [...jobs.values()]
        .reverse()
        .flatMap((job) =>
          job.items.filter((i) => ids.includes(i.meetingId)).map((item) => ({ jobId: job.id, state: job.state, item })),
        ),
  };
}

const MEETINGS = ['C-1', 'C-2', 'C-3'].map((clientId, i) => ({
  id: `MT-${i}`,
  clientId,
  clientName: `Client ${i}`,
  startsAt: `2027-01-12T0${i + 1}:00:00.000Z`,
}));

function setUp(
  store = memoryStore(),
  draftSource: 'model' | 'template' = 'template',
  onRank: (clientId: string) => void = () => undefined,
) {
  const calls: string[] = [];
  const views: PreparationJobView[] = [];
  let n = 0;
  const preparation = createPrepareMeetings({
    store,
    meetingsOf: (ids) => MEETINGS.filter((m) => ids.includes(m.id)),
    rank: async (clientId, top) => {
      calls.push(`rank ${clientId}`);
      onRank(clientId);
      if (clientId === 'C-3') throw new Error('no such client');
      return { impressionId: `IM-${clientId}`, productIds: ['P-1', 'P-2', 'P-3'].slice(0, top) };
    },
    draft: async (clientId, productId): Promise<DraftMade> => {
      calls.push(`draft ${clientId} ${productId}`);
      return {
        draftId: `PD-${++n}`,
        version: 1,
        source: draftSource,
        file: draftSource === 'model' ? 'qwen.gguf' : null,
        error: null,
        stopped: false,
      };
    },
    writePack: async (_job, item) => {
      calls.push(`pack ${item.clientId}`);
      return `${item.clientId}.pdf`;
    },
    emit: (view) => views.push(view),
    pause: () => Promise.resolve(),
    clock: { nowIso: () => '2027-01-11T08:00:00.000Z' },
    ids: { randomId: () => `id${++n}abcdefghijklmnop` },
    actor: 'ADV-1',
  });
  return { preparation, calls, views, store };
}

describe('preparing meetings', () => {
  it('ranks, drafts and packs each client in turn; a client that fails is reported and the rest go on', async () => {
    const { preparation, calls, views } = setUp();
    const started = preparation.start({
      meetings: MEETINGS,
      label: '2027-01-12',
      top: 2,
      outDir: (id) => `/out/${id}`,
    });
    await preparation.settled(started.id);
    expect(calls).toEqual([
      'rank C-1',
      'draft C-1 P-1',
      'draft C-1 P-2',
      'pack C-1',
      'rank C-2',
      'draft C-2 P-1',
      'draft C-2 P-2',
      'pack C-2',
      'rank C-3',
    ]);
    const end = views.at(-1)!;
    expect(end.state).toBe('completed');
    expect([end.done, end.failed, end.total]).toEqual([2, 1, 3]);
    expect(end.items[2]!.error).toBe('no such client');
    expect(end.engine).toEqual({ kind: 'template' });
    expect(end.outDir).toBe(`/out/${started.id}`);
    // Overall progress only grows.
    const done = views.map((v) => v.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('names the model that drafted', async () => {
    const { preparation, views } = setUp(memoryStore(), 'model');
    const started = preparation.start({ meetings: MEETINGS.slice(0, 1), label: 'x', top: 1, outDir: () => '/o' });
    await preparation.settled(started.id);
    expect(views.at(-1)!.engine).toEqual({ kind: 'model', file: 'qwen.gguf' });
  });

  it('a job found running at start-up is paused as interrupted, and resumes without redoing finished steps', async () => {
    const store = memoryStore();
    // The backend closes as the second client is being ranked.
    const first = setUp(store, 'template', (clientId) => clientId === 'C-2' && first.preparation.close());
    const started = first.preparation.start({ meetings: MEETINGS.slice(0, 2), label: 'x', top: 2, outDir: () => '/o' });
    await first.preparation.settled(started.id);
    expect(store.jobs.get(started.id)!.state).toBe('running');

    const second = setUp(store);
    expect(second.preparation.recoverInterrupted()).toEqual([started.id]);
    const reopened = second.preparation.get(started.id);
    expect([reopened.state, reopened.interrupted, reopened.done]).toEqual(['paused', true, 1]);
    second.preparation.resume(started.id);
    await second.preparation.settled(started.id);
    expect(second.calls).toEqual(['rank C-2', 'draft C-2 P-1', 'draft C-2 P-2', 'pack C-2']);
    expect(second.views.at(-1)!.done).toBe(2);
  });

  it("tells the agenda each meeting's preparation: prepared, failed, or queued while its job waits", async () => {
    const { preparation } = setUp();
    const started = preparation.start({ meetings: MEETINGS, label: 'x', top: 1, outDir: () => '/o' });
    expect(preparation.statusByMeeting(['MT-0', 'MT-1'])).toEqual(
      new Map([
        ['MT-0', 'queued'],
        ['MT-1', 'queued'],
      ]),
    );
    await preparation.settled(started.id);
    expect(preparation.statusByMeeting(['MT-0', 'MT-2', 'MT-9'])).toEqual(
      new Map([
        ['MT-0', 'prepared'],
        ['MT-2', 'failed'],
      ]),
    );
  });

  it('refuses an empty batch', () => {
    const { preparation } = setUp();
    expect(() => preparation.start({ meetings: [], label: 'x', top: 3, outDir: () => '/o' })).toThrow(/no meetings/);
  });
});
