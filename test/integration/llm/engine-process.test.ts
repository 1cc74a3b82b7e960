import { afterAll, describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import type { EngineState } from '../../../app/ports/language-model';
import { EngineClient } from '../../../main/engine/engine-client';
import { forkEngine } from '../../../main/engine/fork-engine';
import { testModelPath } from '../../fixtures/test-models';

/**
 * The language engine in a child process of its own, with the generated model: a crash of that process is
 * reported to whatever was waiting and in the state, and the next request starts a fresh process.
 */
describe('the engine process', () => {
  const engine = new EngineClient(forkEngine({ threads: 1 }));
  const states: EngineState[] = [];
  engine.onState((state) => states.push(state));
  afterAll(() => engine.dispose());

  it('loads and generates in its own process, streaming text back', async () => {
    const file = await testModelPath();
    const loaded = await engine.load({ path: file, gpuLayers: 0, contextSize: 'auto' });
    expect(loaded.status.state).toBe('loaded');
    expect(loaded.loaded?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(engine.pid).not.toBe(process.pid);
    const chunks: string[] = [];
    const result = await engine.generate(
      { prompt: { format: 'plain', text: 'Hello' }, maxTokens: 8, temperature: 0 },
      { onText: (chunk) => chunks.push(chunk) },
    );
    expect(result.tokens).toBeGreaterThan(0);
    expect(chunks.join('')).toBe(result.text);
    expect(states.some((s) => s.status.state === 'loading')).toBe(true);
  }, 120_000);

  it('a crash rejects what was in flight, says so in the state, and the next request starts a fresh process', async () => {
    const first = engine.pid!;
    let streamed = 0;
    const running = engine.generate(
      { prompt: { format: 'plain', text: 'Once upon a time' }, maxTokens: 4000, temperature: 0.7 },
      { onText: () => streamed++ },
    );
    while (streamed === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    process.kill(first, 'SIGKILL');
    await expect(running).rejects.toThrow(/language engine stopped unexpectedly \(killed by SIGKILL\)/);

    const after = await engine.status();
    expect(after.loaded).toBeNull();
    expect(after.status.state).toBe('failed');
    expect(recordedText(after.status.error!).en).toMatch(/Load it again/);
    expect(states.at(-1)?.status.state).toBe('failed');

    // A fresh process holds no model: it says so, and loading again works there.
    await expect(engine.countTokens(['hello'])).rejects.toThrow(/No language model is loaded/);
    expect(engine.pid).not.toBe(first);
    const again = await engine.load({ path: await testModelPath(), gpuLayers: 0, contextSize: 'auto' });
    expect(again.status.state).toBe('loaded');
    expect((await engine.countTokens(['hello world']))[0]).toBeGreaterThan(0);
  }, 120_000);

  it('forwards an abort: a stopped generation ends with stop aborted', async () => {
    const controller = new AbortController();
    const running = engine.generate(
      { prompt: { format: 'plain', text: 'Tell me' }, maxTokens: 4000, temperature: 0.7 },
      { signal: controller.signal, onText: () => controller.abort() },
    );
    const result = await running;
    expect(result.stop).toBe('aborted');
    expect(result.tokens).toBeLessThan(4000);
  }, 120_000);
});
