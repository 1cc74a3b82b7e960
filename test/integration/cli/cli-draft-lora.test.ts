import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking } from '../../../app/contract/engine-channels';
import type { PitchVersionView } from '../../../app/contract/pitch-channels';
import { sha256OfFile } from '../../../main/llm/model-hash';
import { testLoraPath, testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';
import { runCliCaptured as run } from './run-cli';

/** `advisor-desk draft --model FILE --lora FILE [--lora-scale X]` on a seeded demo database. */
describe('advisor-desk draft --lora', () => {
  let dir: string;
  let db: string;
  let client = '';
  let product = '';
  let modelPath = '';
  let adapterPath = '';
  const versions = () => {
    const handle = new Database(db, { readonly: true });
    try {
      return (handle.prepare('SELECT COUNT(*) AS n FROM pitch_draft_versions').get() as { n: number }).n;
    } finally {
      handle.close();
    }
  };
  const draft = (...extra: string[]) =>
    run(['draft', '--db', db, '--client', client, '--product', product, '--length', 'short', ...extra]);

  beforeAll(async () => {
    dir = tempDir('ad-cli-lora-');
    db = path.join(dir, 'desk.sqlite');
    modelPath = await testModelPath({ contextLength: 4096 });
    adapterPath = await testLoraPath({ preset: 'tiny', rank: 4 });
    const seeded = await run(['seed', '--db', db]);
    expect(seeded.code, seeded.err).toBe(0);
    const listed = await run(['clients', 'list', '--db', db, '--limit', '20', '--json']);
    for (const { id } of (JSON.parse(listed.out) as { rows: { id: string }[] }).rows) {
      const r = await run(['recommend', '--db', db, '--client', id, '--top', '3', '--json']);
      const ranking = r.code === 0 ? (JSON.parse(r.out) as ClientRanking) : null;
      if (ranking && ranking.ranked.length > 0) {
        client = id;
        product = ranking.ranked[0]!.productId;
        break;
      }
    }
    expect(client, 'a demo client with a suitable product').not.toBe('');
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('drafts with the adapter applied and prints it in the provenance; --json carries its file, sha256 and scale', async () => {
    const text = await draft('--model', modelPath, '--lora', adapterPath, '--lora-scale', '0.5');
    expect(text.code, text.err).toBe(0);
    expect(text.err).toContain(`with the LoRA adapter ${path.basename(adapterPath)} (scale 0.5)`);
    const sha256 = await sha256OfFile(adapterPath);
    expect(text.out).toMatch(new RegExp(`LoRA adapter +${path.basename(adapterPath)} sha256 ${sha256} scale 0\\.5`));

    const json = await draft('--model', modelPath, '--lora', adapterPath, '--json');
    expect(json.code, json.err).toBe(0);
    const version = JSON.parse(json.out) as PitchVersionView;
    expect(version.provenance.settings).toMatchObject({
      loraFile: path.basename(adapterPath),
      loraSha256: sha256,
      loraScale: 1,
    });
  }, 240_000);

  it('refuses a model given as the adapter and an adapter for another shape in one line, exit 5, drafting nothing', async () => {
    const before = versions();
    const notAdapter = await draft('--model', modelPath, '--lora', modelPath);
    expect(notAdapter.code).toBe(5);
    expect(notAdapter.err.trim()).toMatch(/is not a LoRA adapter/);
    expect(notAdapter.err.trim().split('\n')).toHaveLength(1);

    const other = await testLoraPath({ preset: '0.5b', rank: 4 });
    const mismatched = await draft('--model', modelPath, '--lora', other);
    expect(mismatched.code).toBe(5);
    expect(mismatched.err.trim()).toContain(`refused the LoRA adapter ${path.basename(other)}`);
    expect(mismatched.err.trim().split('\n')).toHaveLength(1);
    expect(versions()).toBe(before);
  }, 120_000);

  it('asks for --model with --lora, a scale from 0 to 4, and an adapter file that exists', async () => {
    const noModel = await draft('--lora', adapterPath);
    expect(noModel.code).toBe(2);
    expect(noModel.err).toMatch(/--lora applies an adapter to the model named by --model/);
    const scale = await draft('--model', modelPath, '--lora', adapterPath, '--lora-scale', 'lots');
    expect(scale.code).toBe(2);
    expect(scale.err).toMatch(/--lora-scale must be a number from 0 to 4, got "lots"/);
    const missing = await draft('--model', modelPath, '--lora', path.join(dir, 'nope.gguf'));
    expect(missing.code).toBe(3);
  });
});
