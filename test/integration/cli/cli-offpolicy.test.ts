import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking } from '../../../app/contract';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { runCli } from '../../../main/cli/cli-commands';
import { backendCalls } from '../backend/backend-calls';
import { tempDir } from '../db/temp-db';
import { captureCliIo } from './run-cli';

const NOW = new Date('2026-11-28T09:00:00.000Z');

/** `analytics offpolicy`: the estimates of each candidate from the rankings shown, and a refusal in words. */
describe('advisor-desk analytics offpolicy', () => {
  let db: string;
  let backend: Backend;
  const { value } = backendCalls(() => backend.handlers);
  const cli = async (...args: string[]) => {
    const run = captureCliIo();
    const code = await runCli([...args, '--db', db], run.io);
    return { code, out: run.out(), err: run.err() };
  };

  beforeAll(async () => {
    const dir = tempDir('ad-cli-offpolicy-');
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    db = backend.databasePath;
    await value('exploration:set', { rate: 0.2 });
    for (let i = 1; i <= 60; i++) {
      const clientId = `CL-${String(i).padStart(4, '0')}`;
      const ranking = await value<ClientRanking>('recommendations:for-client', { clientId, top: 5, shownOn: 'app' });
      if (i % 6 === 0 && ranking.ranked[0])
        await value('outcomes:record', {
          clientId,
          productId: ranking.ranked[0].productId,
          outcome: 'accepted',
          impressionId: ranking.impressionId,
        });
    }
    backend.close();
  });
  afterAll(() => undefined);

  it('prints each candidate with its estimates or the reason it has none', async () => {
    const { code, out } = await cli('analytics', 'offpolicy');
    expect(code).toBe(0);
    expect(out).toMatch(/60 rankings shown in the period/);
    expect(out).toMatch(/model-v1\n {2}Inverse propensity \(IPS\) +\d+\.\d\d% {2}\[\d+\.\d\d%, \d+\.\d\d%\]/);
    expect(out).toMatch(/Doubly robust/);
    expect(out).toMatch(/rules-only\n {2}No estimate: /);
  });

  it('answers JSON for one policy, and exit 5 with the reason when it cannot be estimated', async () => {
    const json = await cli('analytics', 'offpolicy', '--policy', 'model-v1', '--json');
    expect(json.code).toBe(0);
    const view = JSON.parse(json.out) as { policies: { policy: string; estimates: unknown[] }[] };
    expect(view.policies.map((p) => p.policy)).toEqual(['model-v1']);
    expect(view.policies[0]!.estimates).toHaveLength(3);

    const refused = await cli('analytics', 'offpolicy', '--policy', 'rules-only', '--lang', 'zh-CN');
    expect(refused.code).toBe(5);
    expect(refused.out).toMatch(/无法估计/);
    const unknown = await cli('analytics', 'offpolicy', '--policy', 'nobody');
    expect(unknown.code).toBe(5);
    expect(unknown.out).toMatch(/No policy is called nobody\. Known policies: model-v1, popularity, rules-only/);
  });

  it('refuses a day that is not YYYY-MM-DD as a usage error', async () => {
    expect((await cli('analytics', 'offpolicy', '--from', '28/11/2026')).code).toBe(2);
  });
});
