import { beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { runCli } from '../../../main/cli/cli-commands';
import { tempDir } from '../db/temp-db';
import { captureCliIo } from './run-cli';

const NOW = new Date('2026-11-28T09:00:00.000Z');

describe('advisor-desk analytics funnel', () => {
  let db: string;

  beforeAll(async () => {
    const backend: Backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: tempDir('ad-cli-analytics-'),
      mode: 'browser',
      now: () => NOW,
      languageEngine: 'in-process',
      demoHistory: true,
    });
    await backend.handlers['app:info']({});
    db = backend.databasePath;
    backend.close();
  }, 120_000);

  const cli = async (...args: string[]) => {
    const run = captureCliIo();
    const code = await runCli([...args, '--db', db], run.io);
    return { code, out: run.out(), err: run.err() };
  };

  it('prints the funnel by product as a table with counts, rates and intervals, the total last', async () => {
    const r = await cli('analytics', 'funnel', '--by', 'product', '--from', '2026-08-01', '--to', '2026-11-30');
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toContain('2026-08-01 to 2026-11-30');
    expect(lines[2]).toMatch(
      /^group\s+shown\s+pitched\s+interested\s+accepted\s+pitch rate\s+CTR\s+CVR\s+CVR per pitch$/,
    );
    const total = lines.at(-1)!;
    expect(total).toMatch(/^total\s+\d+/);
    expect(total).toMatch(/\d+\.\d% \(\d+\.\d–\d+\.\d\)/);
  });

  it('answers JSON whose groups add up to the total, by segment as by policy', async () => {
    for (const by of ['segment', 'policy', 'advisor', 'category']) {
      const r = await cli('analytics', 'funnel', '--by', by, '--from', '2026-08-01', '--to', '2026-11-30', '--json');
      expect(r.code, r.err).toBe(0);
      const report = JSON.parse(r.out) as {
        groupBy: string;
        total: { counts: { shown: number } };
        groups: { counts: { shown: number } }[];
      };
      expect(report.groupBy).toBe(by);
      expect(report.total.counts.shown).toBeGreaterThan(0);
      expect(report.groups.reduce((n, g) => n + g.counts.shown, 0)).toBe(report.total.counts.shown);
    }
  });

  it.each([
    [['analytics', 'funnel']],
    [['analytics', 'funnel', '--by', 'colour']],
    [['analytics', 'funnel', '--by', 'product', '--from', '2026-02-30']],
    [['analytics', 'funnel', '--by', 'product', '--from', '2026-11-30', '--to', '2026-11-01']],
    [['analytics', 'tunnel', '--by', 'product']],
  ])('refuses %j with a usage error (exit 2)', async (args) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/analytics funnel|--by|--from|YYYY-MM-DD/);
  });

  it('lists the command in its help', async () => {
    const r = await cli('analytics', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('advisor-desk analytics funnel --by product|category|segment|advisor|policy');
  });
});
