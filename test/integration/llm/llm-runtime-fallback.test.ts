import type { Llama } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import type { LlmStatus } from '../../../app/contract/llm-channels';
import { getLlamaForMachine } from '../../../main/llm/llama-instance';
import { LlmRuntime } from '../../../main/llm/llm-runtime';
import { testModelPath } from '../../fixtures/test-models';
import { DomainError } from '../../../app/domain/domain-error';
import { recordedText } from '../../../app/domain/localized-text';

/**
 * Out-of-memory fallback. This machine has no GPU, so a stand-in binding plays a CUDA card that refuses
 * more than `fits` layers the way llama.cpp does ("failed to allocate … buffer"), then hands the load to the real
 * CPU binding with the layer count it was asked for; the runtime must end on a layer count that fits.
 */
function gpuThatFits(real: Llama, fits: number, asked: ('auto' | number)[]): Llama {
  return new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'gpu') return 'cuda';
      if (key === 'getGpuDeviceNames') return async () => ['Stand-in GPU'];
      if (key === 'loadModel') {
        return async (options: Parameters<Llama['loadModel']>[0]) => {
          const layers = options.gpuLayers as 'auto' | number;
          asked.push(layers);
          if (layers === 'auto' || layers > fits)
            throw new Error(
              'ggml_backend_cuda_buffer_type_alloc_buffer: failed to allocate CUDA0 buffer: out of memory',
            );
          const model = await target.loadModel({ ...options, gpuLayers: 0 });
          return new Proxy(model, { get: (m, k) => (k === 'gpuLayers' ? layers : Reflect.get(m, k, m)) });
        };
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

describe('loading when the GPU runs out of memory', () => {
  it("halves the layers from 'auto' until they fit, and reports the GPU and the layers it ended on", async () => {
    const real = await getLlamaForMachine();
    const asked: ('auto' | number)[] = [];
    const runtime = new LlmRuntime({
      onStatus: () => undefined,
      hashOf: async () => 'f'.repeat(64),
      getLlama: async () => gpuThatFits(real, 1, asked),
    });
    try {
      const status = await runtime.load(await testModelPath(), { gpuLayers: 'auto', contextSize: 512 });
      // The tiny model has 5 layers: auto, then 2, then 1.
      expect(asked).toEqual(['auto', 2, 1]);
      expect(status).toMatchObject<Partial<LlmStatus>>({
        state: 'loaded',
        backend: 'cuda',
        gpuName: 'Stand-in GPU',
        gpuLayers: 1,
        totalLayers: 5,
        contextSize: 512,
      });
    } finally {
      await runtime.dispose();
    }
  });

  it('falls back to the CPU when no layer fits, and says so plainly when even that fails', async () => {
    const real = await getLlamaForMachine();
    const asked: ('auto' | number)[] = [];
    const runtime = new LlmRuntime({
      onStatus: () => undefined,
      hashOf: async () => 'f'.repeat(64),
      getLlama: async () => gpuThatFits(real, 0, asked),
    });
    try {
      const status = await runtime.load(await testModelPath(), { gpuLayers: 4, contextSize: 512 });
      expect(asked).toEqual([4, 2, 1, 0]);
      expect(status).toMatchObject({ state: 'loaded', gpuLayers: 0 });
    } finally {
      await runtime.dispose();
    }

    const broke: Llama = new Proxy(real, {
      get: (target, key) =>
        key === 'loadModel'
          ? async () => {
              throw new Error('failed to allocate buffer: out of memory');
            }
          : (Reflect.get(target, key, target) as unknown),
    });
    const statuses: LlmStatus[] = [];
    const cpuOnly = new LlmRuntime({
      onStatus: (s) => statuses.push(s),
      hashOf: async () => 'f'.repeat(64),
      getLlama: async () => broke,
    });
    const refused = await cpuOnly
      .load(await testModelPath(), { gpuLayers: 'auto', contextSize: 512 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).message).toMatch(/does not fit in this machine's memory.*smaller/);
    const failed = statuses.at(-1)!;
    expect(failed.state).toBe('failed');
    expect(recordedText(failed.error!).zh).toMatch(/内存/);
    expect(cpuOnly.current()).toBeNull();
  });
});

describe('disposing the runtime (the backend closing)', () => {
  it('stops a generation in progress through disposeSignal, then frees the model', async () => {
    const { LlamaCompletion } = await import('node-llama-cpp');
    const runtime = new LlmRuntime({ onStatus: () => undefined, hashOf: async () => 'f'.repeat(64) });
    await runtime.load(await testModelPath(), { gpuLayers: 'auto', contextSize: 1024 });
    let tokens = 0;
    let firstToken: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (firstToken = resolve));
    const generation = runtime.exclusive(async () => {
      const loaded = runtime.current()!;
      const sequence = loaded.context.getSequence();
      try {
        const completion = new LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
        await completion.generateCompletion('the fund', {
          maxTokens: 900,
          signal: runtime.disposeSignal,
          stopOnAbortSignal: true,
          onToken: (t) => {
            tokens += t.length;
            firstToken();
          },
        });
        completion.dispose({ disposeSequence: false });
      } finally {
        sequence.dispose();
      }
    });
    await started;
    await runtime.dispose();
    await generation;
    expect(tokens).toBeGreaterThan(0);
    expect(tokens).toBeLessThan(900);
    expect(runtime.current()).toBeNull();
  }, 60_000);
});
