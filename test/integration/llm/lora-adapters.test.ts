import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking } from '../../../app/contract/engine-channels';
import type { LlmStatus, ModelFileInfo } from '../../../app/contract/llm-channels';
import type { PitchDraftView } from '../../../app/contract/pitch-channels';
import type { ClientPage } from '../../../app/domain';
import { recordedText } from '../../../app/domain/localized-text';
import { renderMessage, type Message } from '../../../app/messages';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { LlamaEngine } from '../../../main/engine/llama-engine';
import { sha256OfFile } from '../../../main/llm/model-hash';
import { testLoraPath, testModelPath } from '../../fixtures/test-models';
import { writeTestLora } from '../../tooling/gguf-writer';
import { backendCalls } from '../backend/backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');

interface Done {
  requestId: string;
  draftId: string;
  outcome: 'completed' | 'stopped' | 'failed';
  version: number | null;
  error: Message | null;
}

/**
 * LoRA adapters through dispatch() with the real engine in its own process, on the generated tiny model and a
 * generated adapter for its shape: the adapter is applied as the model loads, shows in the status and in every
 * draft's provenance; a file that is not an adapter for this model is refused with a message that names it, and the
 * engine goes on serving loads and drafts without one.
 */
describe('LoRA adapters', () => {
  let dir: string;
  let backend: Backend;
  let modelPath = '';
  let adapterPath = '';
  let clientId = '';
  let productId = '';
  const finished = new Map<string, Done>();
  const waiters = new Map<string, (done: Done) => void>();
  const { call, value } = backendCalls(() => backend.handlers);
  const doneOf = (requestId: string) =>
    new Promise<Done>((resolve) => {
      const already = finished.get(requestId);
      if (already) resolve(already);
      else waiters.set(requestId, resolve);
    });
  const draftWithModel = async () => {
    const started = await value<{ requestId: string; draftId: string; source: string }>('pitch:start', {
      clientId,
      productId,
      settings: { language: 'en', tone: 'warm', length: 'short' },
      source: 'model',
    });
    const done = await doneOf(started.requestId);
    expect(done.outcome, done.error ? recordedText(done.error).en : '').toBe('completed');
    const draft = await value<PitchDraftView>('pitch:get', { draftId: started.draftId });
    return draft.versions.find((v) => v.version === done.version)!;
  };
  const refusal = async (input: Record<string, unknown>) => {
    const r = await call('llm:load', input);
    if (r.ok) throw new Error(`llm:load was not refused: ${JSON.stringify(r.value)}`);
    return r.error;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-lora-'));
    modelPath = await testModelPath({ contextLength: 4096 });
    adapterPath = await testLoraPath({ preset: 'tiny', rank: 4 });
    backend = openBackend({ dataDir: dir, mode: 'browser', now: () => NOW });
    backend.subscribe((event, payload) => {
      if (event !== 'pitch:done') return;
      const p = payload as Done;
      finished.set(p.requestId, p);
      waiters.get(p.requestId)?.(p);
    });
    const page = await value<ClientPage>('clients:list', { limit: 30 });
    for (const c of page.rows) {
      const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: c.id, top: 3 });
      if (ranking.ranked.length > 0) {
        clientId = c.id;
        productId = ranking.ranked[0]!.productId;
        break;
      }
    }
    expect(clientId, 'a demo client with a suitable product').not.toBe('');
  }, 120_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads the model with the adapter: the status names the adapter, its sha256 and scale, and a draft records them', async () => {
    const status = await value<LlmStatus>('llm:load', {
      path: modelPath,
      lora: { path: adapterPath, scale: 0.5 },
    });
    expect(status).toMatchObject({
      state: 'loaded',
      path: modelPath,
      lora: { path: adapterPath, file: path.basename(adapterPath), scale: 0.5 },
    });
    expect(status.lora!.sha256).toBe(await sha256OfFile(adapterPath));
    expect(await value<LlmStatus>('llm:status', {})).toMatchObject({ lora: { file: path.basename(adapterPath) } });

    const version = await draftWithModel();
    expect(version.provenance).toMatchObject({ source: 'model', modelFile: path.basename(modelPath) });
    expect(version.provenance.settings).toMatchObject({
      loraFile: path.basename(adapterPath),
      loraSha256: status.lora!.sha256,
      loraScale: 0.5,
    });
  }, 180_000);

  it('refuses a whole model offered as the adapter, by name, before loading anything', async () => {
    const error = await refusal({ path: modelPath, lora: { path: modelPath } });
    expect(error.code).toBe('validation');
    expect(error.message).toContain(path.basename(modelPath));
    expect(error.message).toMatch(/is not a LoRA adapter/);
    const status = await value<LlmStatus>('llm:status', {});
    expect(status.state).toBe('failed');
    expect(renderMessage(status.error!, 'zh-CN')).toMatch(/不是 LoRA 适配器/);
  }, 60_000);

  it('refuses an adapter made for another architecture, naming both', async () => {
    const qwen = path.join(dir, 'qwen-adapter.gguf');
    await writeTestLora(qwen, { preset: 'tiny', rank: 4, architecture: 'qwen2' });
    const error = await refusal({ path: modelPath, lora: { path: qwen } });
    expect(error.code).toBe('validation');
    expect(error.message).toContain(
      `qwen-adapter.gguf is a LoRA adapter for "qwen2" models, but ${path.basename(modelPath)} is a "llama" model`,
    );
  }, 60_000);

  it('refuses an adapter cut short with the incompleteness named', async () => {
    const cut = path.join(dir, 'cut-adapter.gguf');
    const whole = fs.readFileSync(adapterPath);
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await refusal({ path: modelPath, lora: { path: cut } });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/LoRA adapter cannot be used: cut-adapter\.gguf is incomplete/);
  }, 60_000);

  it("refuses an adapter made for another model's shape: llama.cpp's refusal comes back naming the adapter file", async () => {
    const other = await testLoraPath({ preset: '0.5b', rank: 4 });
    const error = await refusal({ path: modelPath, lora: { path: other } });
    expect(error.code).toBe('validation');
    expect(error.message).toContain(`refused the LoRA adapter ${path.basename(other)}`);
    const status = await value<LlmStatus>('llm:status', {});
    expect(status).toMatchObject({ state: 'failed', lora: null });
    expect(renderMessage(status.error!, 'en')).toContain(path.basename(other));
  }, 60_000);

  it('keeps serving after the refusals: the model loads without an adapter and its drafts record none', async () => {
    const status = await value<LlmStatus>('llm:load', { path: modelPath });
    expect(status).toMatchObject({ state: 'loaded', lora: null });
    const version = await draftWithModel();
    expect(version.provenance.source).toBe('model');
    expect(version.provenance.settings).not.toHaveProperty('loraFile');
  }, 180_000);

  it('refuses an adapter loaded as a model, and a scale out of range, each with its reason', async () => {
    const asModel = await refusal({ path: adapterPath });
    expect(asModel.message).toMatch(/is a LoRA adapter for "llama" models, not a model/);
    const scale = await refusal({ path: modelPath, lora: { path: adapterPath, scale: 9 } });
    expect(scale.code).toBe('bad_request');
  }, 60_000);

  it('lists an adapter in the models folder as a LoRA adapter for llama, not as a broken model', async () => {
    const folder = path.join(dir, 'models');
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(adapterPath, path.join(folder, 'style.gguf'));
    const files = await value<ModelFileInfo[]>('llm:models', {});
    const adapter = files.find((f) => f.fileName === 'style.gguf');
    expect(adapter).toMatchObject({ adapterFor: 'llama', architecture: 'llama', problem: null, fit: null });
  }, 60_000);
});

describe('a LoRA adapter in the engine', () => {
  it('changes what the model writes: the same greedy prompt gives other text with the adapter than without', async () => {
    const engine = new LlamaEngine({ hashOf: sha256OfFile });
    try {
      const modelPath = await testModelPath({ contextLength: 4096 });
      const adapterPath = await testLoraPath({ preset: 'tiny', rank: 4 });
      const request = {
        prompt: { format: 'plain' as const, text: 'The client asked about' },
        maxTokens: 16,
        temperature: 0,
      };
      await engine.load({ path: modelPath, gpuLayers: 0, contextSize: 512 });
      const plain = await engine.generate(request);
      await engine.load({ path: modelPath, gpuLayers: 0, contextSize: 512, lora: { path: adapterPath, scale: 4 } });
      expect((await engine.status()).loaded?.lora).toMatchObject({ file: path.basename(adapterPath), scale: 4 });
      const adapted = await engine.generate(request);
      expect(plain.tokens).toBeGreaterThan(0);
      expect(adapted.text).not.toBe(plain.text);
    } finally {
      await engine.dispose();
    }
  }, 120_000);
});
