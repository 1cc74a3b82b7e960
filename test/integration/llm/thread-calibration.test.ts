import { describe, expect, it } from 'vitest';
import { getLlamaForMachine } from '../../../main/llm/llama-instance';
import { LlmRuntime } from '../../../main/llm/llm-runtime';
import type { ThreadDecision } from '../../../main/llm/thread-calibration';
import { testModelPath } from '../../fixtures/test-models';

const hashOf = async () => 'a'.repeat(64);

describe('choosing the thread count by measurement after a load', () => {
  it('times both counts on the loaded model, keeps the one chosen, and can switch without a new context', async () => {
    const decisions: ThreadDecision[] = [];
    const runtime = new LlmRuntime({
      onStatus: () => undefined,
      hashOf,
      threadPlan: { initial: { threads: 1, reason: 'test' }, candidates: [1, 2] },
      onThreads: (decision) => decisions.push(decision),
    });
    try {
      const status = await runtime.load(await testModelPath(), { gpuLayers: 0, contextSize: 512 });
      expect(decisions).toHaveLength(1);
      const [decision] = decisions;
      expect(Object.keys(decision!.tokensPerSecond).sort()).toEqual(['1', '2']);
      for (const rate of Object.values(decision!.tokensPerSecond)) expect(rate).toBeGreaterThan(0);
      expect(status.threads).toBe(decision!.threads);
      const loaded = runtime.current()!;
      expect(loaded.llama.maxThreads).toBe(decision!.threads);
      // The context was made able to use two threads, so a later measurement can move to two without reloading.
      expect(loaded.context.idealThreads).toBe(2);
      expect(loaded.threadCeiling).toBe(2);
    } finally {
      await runtime.dispose();
    }
  });

  it('measures nothing when the count is fixed, and uses exactly that count', async () => {
    const decisions: ThreadDecision[] = [];
    const runtime = new LlmRuntime({
      onStatus: () => undefined,
      hashOf,
      threadPlan: { initial: { threads: 1, reason: 'fixed' }, candidates: [1] },
      onThreads: (decision) => decisions.push(decision),
    });
    try {
      const status = await runtime.load(await testModelPath(), { gpuLayers: 0, contextSize: 512 });
      expect(decisions).toEqual([]);
      expect(status.threads).toBe(1);
      expect(runtime.current()!.llama.maxThreads).toBe(1);
    } finally {
      await runtime.dispose();
    }
    // The shared instance is left at the fixed count for whatever runs next in this process.
    expect((await getLlamaForMachine()).maxThreads).toBe(1);
  });
});
