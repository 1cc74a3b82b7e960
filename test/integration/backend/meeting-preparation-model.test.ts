import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparationJobView } from '../../../app/contract';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { addMeetingDay, PREPARATION_DAY } from '../../fixtures/preparation-day';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';
import { backendCalls } from './backend-calls';

/**
 * Preparing a day with a loaded model (a generated random-weight GGUF, short answers): the drafts are the model's,
 * the job says which model wrote them, and a pause mid-way holds until it is resumed.
 */
describe('meeting preparation with a loaded language model', () => {
  let dir: string;
  let backend: Backend;
  const { value } = backendCalls(() => backend.handlers);

  beforeAll(async () => {
    dir = tempDir('ad-prepare-llm-');
    backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      now: () => new Date('2027-01-11T08:00:00.000Z'),
      languageEngine: 'in-process',
      preparation: { maxAnswerTokens: 24 },
    });
    addMeetingDay(backend.databasePath, 2);
    const modelPath = await testModelPath({ contextLength: 4096 });
    const status = await value<{ state: string }>('llm:load', { path: modelPath });
    expect(status.state).toBe('loaded');
  }, 180_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('drafts with the model, names it, and resumes after a pause', async () => {
    let jobId = '';
    let paused = false;
    const ended = new Promise<PreparationJobView>((resolve) => {
      const stop = backend.subscribe((event, payload) => {
        if (event !== 'prepare:progress') return;
        const view = payload as PreparationJobView;
        if (view.id !== jobId) return;
        if (!paused && view.items.some((i) => i.drafts.length > 0)) {
          paused = true;
          void value<PreparationJobView>('prepare:pause', { jobId }).then(async (p) => {
            expect(p.state).toBe('paused');
            await new Promise((resolve) => setTimeout(resolve, 200));
            await value('prepare:resume', { jobId });
          });
        }
        if (view.state === 'completed' || view.state === 'cancelled') {
          stop();
          resolve(view);
        }
      });
    });
    jobId = (
      await value<PreparationJobView>('prepare:start', {
        date: PREPARATION_DAY,
        timeZone: 'UTC',
        advisorId: 'ADV-TEST',
        top: 1,
      })
    ).id;
    const end = await ended;
    expect(paused).toBe(true);
    expect(end.state).toBe('completed');
    expect(end.engine).toEqual({ kind: 'model', file: path.basename(await testModelPath({ contextLength: 4096 })) });
    for (const item of end.items) {
      expect(item.status).toBe('done');
      // A random-weight model's short answer may not parse: the draft then says why, and the job still goes on.
      for (const d of item.drafts) expect(d.source === 'model' || d.error !== null).toBe(true);
      expect(fs.existsSync(path.join(end.outDir, item.packFile!))).toBe(true);
    }
  }, 300_000);
});
