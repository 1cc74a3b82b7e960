import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestModel } from '../../tooling/gguf-writer';
import { tempDir } from '../db/temp-db';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const child = path.join(root, 'test', 'fixtures', 'load-broken-model.mts');

describe('a llama file without a head count', () => {
  let dir: string;
  let file: string;
  const load = (mode: 'checked' | 'unchecked') =>
    spawnSync(process.execPath, ['--import', 'tsx', child, file, mode], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });

  beforeAll(async () => {
    dir = tempDir('ad-abort-');
    file = path.join(dir, 'no-heads.gguf');
    await writeTestModel(file, { preset: 'tiny', type: 'q8_0', omitKeys: ['llama.attention.head_count'] });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('kills the process when handed to llama.cpp unchecked (why every load checks first)', () => {
    const r = load('unchecked');
    expect(r.signal === 'SIGABRT' || r.status === 134).toBe(true);
    expect(r.stdout).not.toContain('still running');
  });

  it('is refused by the header check with the missing key named, and the process carries on', () => {
    const r = load('checked');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'refused: no-heads.gguf lacks header entries every model of its kind needs (llama.attention.head_count)',
    );
    expect(r.stdout).toContain('still running');
  });
});
