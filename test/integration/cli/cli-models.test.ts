import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelFileInfo } from '../../../app/contract/llm-channels';
import { tempDir } from '../db/temp-db';
import { buildCli, cliBundle, projectRoot } from './build-cli';

describe('advisor-desk models, as a separate process', () => {
  let dir: string;
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [cliBundle, ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, ADVISOR_DESK_DATA: path.join(dir, 'data'), ADVISOR_DESK_DB: '' },
      timeout: 60_000,
    });

  beforeAll(async () => {
    dir = tempDir('ad-cli-models-');
    await buildCli();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('make-test-model writes a GGUF the header checks accept; list shows it; inspect prints its hash and fit', () => {
    const out = path.join(dir, 'data', 'models', 'plain-512.gguf');
    const made = cli(
      'models',
      'make-test-model',
      '--out',
      out,
      '--preset',
      'tiny',
      '--type',
      'f16',
      '--plain',
      '--context',
      '512',
    );
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/random-weight llama tiny model, F16, .* context 512, no chat template/);
    expect(fs.readFileSync(out).subarray(0, 4).toString('ascii')).toBe('GGUF');

    const listed = cli('models', 'list', '--json');
    expect(listed.status).toBe(0);
    const files = JSON.parse(listed.stdout) as ModelFileInfo[];
    const mine = files.find((f) => f.path === out);
    expect(mine).toMatchObject({
      architecture: 'llama',
      quantization: 'F16',
      contextLength: 512,
      hasChatTemplate: false,
      problem: null,
    });
    expect(mine?.fit?.contextSize).toBe(512);

    const human = cli('models', 'list');
    // The bundle in dist/main finds the repository's models/ folder by walking up to package.json.
    expect(human.stdout).toContain(`App models folder:  ${path.join(projectRoot, 'models')}`);
    expect(human.stdout).toContain(`Your models folder: ${path.join(dir, 'data', 'models')}`);
    expect(human.stdout).toMatch(/plain-512\.gguf[\s\S]*chat template {2}no \(plain prompt format\)/);

    const inspected = cli('models', 'inspect', out);
    expect(inspected.status).toBe(0);
    expect(inspected.stdout).toMatch(/sha256 {9}[0-9a-f]{64}/);
    expect(inspected.stdout).toMatch(/fit {12}Runs on/);
  });

  it('inspect of a broken file prints the problem and exits 5; a missing file exits 3; bad options exit 2', () => {
    const broken = path.join(dir, 'not-a-model.gguf');
    fs.writeFileSync(broken, 'quarterly review notes');
    const r = cli('models', 'inspect', broken);
    expect(r.status).toBe(5);
    expect(r.stdout).toMatch(/PROBLEM {8}not-a-model\.gguf is not a GGUF model file/);
    expect(r.stderr).toMatch(/^advisor-desk: not-a-model\.gguf is not a GGUF model file/);

    // The problem is a catalog message: --lang writes it in Chinese, from the same catalog the window uses.
    const zh = cli('models', 'inspect', broken, '--lang', 'zh-CN');
    expect(zh.status).toBe(5);
    expect(zh.stdout).toMatch(/PROBLEM {8}not-a-model\.gguf 不是 GGUF 模型文件/);
    expect(zh.stderr).toMatch(/^advisor-desk: not-a-model\.gguf 不是 GGUF 模型文件/);
    const badLang = cli('models', 'inspect', broken, '--lang', 'fr');
    expect(badLang.status).toBe(2);
    expect(badLang.stderr).toMatch(/--lang must be one of en, zh-CN, got "fr"/);

    expect(cli('models', 'inspect', path.join(dir, 'gone.gguf')).status).toBe(3);
    const badPreset = cli('models', 'make-test-model', '--out', path.join(dir, 'x.gguf'), '--preset', '7b');
    expect(badPreset.status).toBe(2);
    expect(badPreset.stderr).toMatch(/--preset must be tiny or 0\.5b, got "7b"/);
    expect(cli('models', 'make-test-model').stderr).toMatch(/Where to\?/);
    expect(cli('models', 'frobnicate').status).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x.gguf'))).toBe(false);
  });
});
