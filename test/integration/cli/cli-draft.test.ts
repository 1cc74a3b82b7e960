import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking } from '../../../app/contract/engine-channels';
import type { PitchVersionView } from '../../../app/contract/pitch-channels';
import { runCliCaptured } from './run-cli';
import { testModelPath } from '../../fixtures/test-models';
import { writeTestModel } from '../../tooling/gguf-writer';
import { tempDir } from '../db/temp-db';

const run = runCliCaptured;

type DraftJson = PitchVersionView & { draftId: string; clientId: string; productId: string; language: string };

/** `advisor-desk draft` on a seeded demo database: template without --model, the model's draft with one. */
describe('advisor-desk draft', () => {
  let dir: string;
  let db: string;
  let client = '';
  let product = '';
  let unsuitable = '';

  beforeAll(async () => {
    dir = tempDir('ad-cli-draft-');
    db = path.join(dir, 'desk.sqlite');
    expect((await run(['seed', '--db', db])).code).toBe(0);
    const listed = await run(['clients', 'list', '--db', db, '--limit', '20', '--json']);
    const ids = (JSON.parse(listed.out) as { rows: { id: string }[] }).rows.map((c) => c.id);
    for (const id of ids) {
      const r = await run(['recommend', '--db', db, '--client', id, '--top', '3', '--json']);
      if (r.code !== 0) continue;
      const ranking = JSON.parse(r.out) as ClientRanking;
      if (ranking.ranked.length > 0 && ranking.excluded.length > 0) {
        client = id;
        product = ranking.ranked[0]!.productId;
        unsuitable = ranking.excluded[0]!.productId;
        break;
      }
    }
    expect(client, 'a demo client with suitable and unsuitable products').not.toBe('');
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('without --model prints the labelled template draft, its lint and provenance, in English and in Chinese', async () => {
    const en = await run(['draft', '--db', db, '--client', client, '--product', product]);
    expect(en.code, en.err).toBe(0);
    expect(en.out).toMatch(/version 1: Template draft/);
    expect(en.out).toMatch(/Key points:\n {2}- /);
    expect(en.out).toMatch(/Lint: (no problems; can be approved|0 blocking)/);
    expect(en.out).toMatch(/source +template/);

    const zh = await run([
      'draft',
      '--db',
      db,
      '--client',
      client,
      '--product',
      product,
      '--lang',
      'zh-CN',
      '--length',
      'short',
      '--json',
    ]);
    expect(zh.code, zh.err).toBe(0);
    const draft = JSON.parse(zh.out) as DraftJson;
    expect(draft).toMatchObject({
      clientId: client,
      productId: product,
      language: 'zh-CN',
      approvable: true,
      provenance: { source: 'template' },
    });
    expect(draft.label.zh).toMatch(/模板/);
    expect(draft.content.body).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses an unsuitable product, a bad option value and a file that is not a model, each by name', async () => {
    const refused = await run(['draft', '--db', db, '--client', client, '--product', unsuitable]);
    expect(refused.code).toBe(5);
    expect(refused.err).toMatch(/not suitable for this client/);

    const tone = await run(['draft', '--db', db, '--client', client, '--product', product, '--tone', 'pushy']);
    expect(tone.code).toBe(2);
    expect(tone.err).toMatch(/--tone must be one of formal, warm, concise, got "pushy"/);

    const notModel = path.join(dir, 'notes.gguf');
    fs.writeFileSync(notModel, 'meeting notes\n'.repeat(200));
    const bad = await run(['draft', '--db', db, '--client', client, '--product', product, '--model', notModel]);
    expect(bad.code).toBe(5);
    expect(bad.err).toMatch(/notes\.gguf/);

    // A header the checks accept but llama.cpp refuses when it builds the layers (feed-forward weights of another
    // width): the load fails in the engine, and that is exit 5 too, with llama.cpp's reason.
    const wrongWidth = path.join(dir, 'wrong-ffn.gguf');
    await writeTestModel(wrongWidth, {
      preset: 'tiny',
      type: 'q8_0',
      headerLies: { 'llama.feed_forward_length': 1000 },
    });
    const refusedLoad = await run([
      'draft',
      '--db',
      db,
      '--client',
      client,
      '--product',
      product,
      '--model',
      wrongWidth,
    ]);
    expect(refusedLoad.code, refusedLoad.err).toBe(5);
    expect(refusedLoad.err).toMatch(/wrong-ffn\.gguf/);

    const missing = await run([
      'draft',
      '--db',
      db,
      '--client',
      client,
      '--product',
      product,
      '--model',
      path.join(dir, 'nope.gguf'),
    ]);
    expect(missing.code).toBe(3);
  });

  it('with --model drafts with the model and prints its sha256, prompt hash, seed and threads', async () => {
    const r = await run([
      'draft',
      '--db',
      db,
      '--client',
      client,
      '--product',
      product,
      '--model',
      await testModelPath({ contextLength: 8192 }),
      '--length',
      'short',
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const draft = JSON.parse(r.out) as DraftJson;
    expect(draft.provenance).toMatchObject({
      source: 'model',
      modelSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      promptHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(draft.provenance.settings).toMatchObject({ seed: expect.any(Number), threads: expect.any(Number) });
    expect(typeof draft.content.headline).toBe('string');
  }, 120_000);
});

/** The command line acts as a named user (--user or $ADVISOR_DESK_USER), else the store's first active administrator. */
describe('advisor-desk --user', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = tempDir('ad-cli-user-');
    db = path.join(dir, 'desk.sqlite');
    expect((await run(['seed', '--db', db])).code).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('records the user named, refuses what their roles do not allow with the rule named, and an unknown user', async () => {
    const listed = await run(['clients', 'list', '--db', db, '--limit', '1', '--json']);
    const client = (JSON.parse(listed.out) as { rows: { id: string }[] }).rows[0]!.id;
    const r = await run(['recommend', '--db', db, '--client', client, '--top', '1', '--json']);
    const product = (JSON.parse(r.out) as ClientRanking).ranked[0]!.productId;

    const drafted = await run([
      'draft',
      '--db',
      db,
      '--client',
      client,
      '--product',
      product,
      '--user',
      'ADV-02',
      '--json',
    ]);
    expect(drafted.code, drafted.err).toBe(0);
    expect((JSON.parse(drafted.out) as DraftJson).author).toBe('ADV-02');

    const refused = await run(['draft', '--db', db, '--client', client, '--product', product, '--user', 'CMP-01']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Compliance users can read and export advice but not change it.');

    const unknown = await run(['clients', 'list', '--db', db, '--user', 'NOBODY']);
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain('No user NOBODY');
  });
});
