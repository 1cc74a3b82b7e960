import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExperimentResultsView } from '../../../app/contract/experiment-channels';
import { generateDemoData } from '../../../app/demo/demo-data';
import type { Experiment } from '../../../app/experiments/experiment';
import { seedDemoData } from '../../../main/db/demo-seed';
import { createExperiment, startExperiment } from '../../../main/db/experiment-repository';
import { openStore } from '../../../main/db/open-store';
import { tempDir } from '../db/temp-db';
import { runCliCaptured } from './run-cli';

const AT = '2026-11-28T09:00:00.000Z';

describe('advisor-desk experiments', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = tempDir('ad-cli-experiments-');
    db = path.join(dir, 'desk.sqlite');
    const store = openStore(db).db;
    seedDemoData(store, generateDemoData({ today: '2026-11-28', clientCount: 12, interactionCount: 10 }));
    const experiment: Experiment = {
      id: 'EX-CLI',
      name: 'Rules against popularity',
      kind: 'ranking-policy',
      unit: 'client',
      arms: [
        { id: 'A', share: 0.5, policy: { kind: 'popularity' } },
        { id: 'B', share: 0.5, policy: { kind: 'rules-only' } },
      ],
      plannedStart: '2026-11-28',
      plannedStop: '2026-12-31',
      plan: { baselineRate: 0.1, minimumDetectableEffect: 0.05, alpha: 0.05, power: 0.8 },
      status: 'draft',
      createdAt: AT,
      createdBy: 'ADV-03',
      startedAt: null,
      stoppedAt: null,
    };
    createExperiment(store, experiment, { at: AT, actor: 'ADV-03' });
    startExperiment(store, 'EX-CLI', { at: AT, actor: 'ADV-03' });
    store.close();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists experiments, and reports one with its arms after rankings were shown from the command line', async () => {
    const list = await runCliCaptured(['experiments', 'list', '--db', db]);
    expect(list).toMatchObject({ code: 0, err: '' });
    expect(list.out).toContain('EX-CLI  running');
    for (const client of ['CL-0001', 'CL-0002', 'CL-0003', 'CL-0004'])
      expect((await runCliCaptured(['recommend', '--client', client, '--db', db])).code).toBe(0);
    const json = await runCliCaptured(['experiments', 'results', 'EX-CLI', '--json', '--db', db]);
    expect(json.code).toBe(0);
    const results = JSON.parse(json.out) as ExperimentResultsView;
    expect(results.report.arms.map((a) => a.arm)).toEqual(['A', 'B']);
    expect(results.report.arms.reduce((sum, a) => sum + a.trials, 0)).toBe(4);
    const text = await runCliCaptured(['experiments', 'results', 'EX-CLI', '--db', db]);
    expect(text.out).toContain('B − A:');
    expect(text.out).toMatch(/No (difference can be claimed yet|results yet)/);
  });

  it('says which experiment is missing, with exit 3', async () => {
    const r = await runCliCaptured(['experiments', 'results', 'EX-NONE', '--db', db]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('No experiment with id EX-NONE');
  });
});
