import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importModelFile } from '../../../main/llm/model-import';
import { ModelLibrary } from '../../../main/llm/model-library';
import { sha256OfFile } from '../../../main/llm/model-hash';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';
import { DomainError } from '../../../app/domain/domain-error';

describe('importing a model file the user picked', () => {
  let dir: string;
  let library: ModelLibrary;
  let picked: string;

  beforeAll(async () => {
    dir = tempDir('ad-import-');
    fs.mkdirSync(path.join(dir, 'downloads'));
    picked = path.join(dir, 'downloads', 'my-model.gguf');
    fs.copyFileSync(await testModelPath(), picked);
    library = new ModelLibrary({ dataDir: path.join(dir, 'data'), appDir: path.join(dir, 'app-models') });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('copies a checked file into the user models folder with its hash, and lists it', async () => {
    const info = await importModelFile(library, picked, 'copy');
    expect(info.path).toBe(path.join(library.userDir, 'my-model.gguf'));
    expect(info.linked).toBe(false);
    expect(fs.lstatSync(info.path).isSymbolicLink()).toBe(false);
    expect(info.sha256).toBe(await sha256OfFile(picked));
    expect(info.problem).toBeNull();
    expect(fs.readdirSync(library.userDir)).toEqual(['my-model.gguf']);
    const listed = await library.list();
    expect(listed.map((f) => [f.fileName, f.source, f.sha256])).toEqual([
      ['my-model.gguf', 'user-models-folder', info.sha256],
    ]);
  });

  it('importing the same bytes again answers with the file already there', async () => {
    const again = await importModelFile(library, picked, 'copy');
    expect(again.path).toBe(path.join(library.userDir, 'my-model.gguf'));
  });

  it('never overwrites a different file of the same name', async () => {
    const other = path.join(dir, 'downloads', 'other', 'my-model.gguf');
    fs.mkdirSync(path.dirname(other));
    fs.copyFileSync(await testModelPath({ type: 'f16' }), other);
    const before = fs.readFileSync(path.join(library.userDir, 'my-model.gguf'));
    await expect(importModelFile(library, other, 'copy')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/different file named my-model\.gguf/),
    });
    expect(fs.readFileSync(path.join(library.userDir, 'my-model.gguf')).equals(before)).toBe(true);
  });

  it('links instead of copying when asked, listed as an imported link', async () => {
    const big = path.join(dir, 'downloads', 'linked.gguf');
    fs.copyFileSync(await testModelPath({ chatTemplate: false }), big);
    const info = await importModelFile(library, big, 'link');
    expect(info.linked).toBe(true);
    expect(fs.lstatSync(info.path).isSymbolicLink()).toBe(true);
    expect(fs.realpathSync(info.path)).toBe(fs.realpathSync(big));
    expect(info.source).toBe('imported-link');
    expect(info.hasChatTemplate).toBe(false);
    expect((await library.list()).find((f) => f.fileName === 'linked.gguf')?.source).toBe('imported-link');
  });

  it('refuses broken files with their specific problem and leaves nothing behind', async () => {
    const notModel = path.join(dir, 'downloads', 'letter.gguf');
    fs.writeFileSync(notModel, 'Dear client, …');
    const error = await importModelFile(library, notModel, 'copy').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation');
    expect((error as DomainError).message).toMatch(/not a GGUF model file.*不是 GGUF/s);
    const cut = path.join(dir, 'downloads', 'cut.gguf');
    fs.writeFileSync(cut, fs.readFileSync(picked).subarray(0, 500_000));
    await expect(importModelFile(library, cut, 'copy')).rejects.toThrow(/incomplete/);
    await expect(importModelFile(library, path.join(dir, 'downloads', 'readme.txt'), 'copy')).rejects.toThrow(
      /does not end in \.gguf/,
    );
    expect(fs.readdirSync(library.userDir).sort()).toEqual(['linked.gguf', 'my-model.gguf']);
  });
});
