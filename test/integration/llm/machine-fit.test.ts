import { readGgufFileInfo } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import { chooseThreads, planThreads, THREADS_ENV } from '../../../main/llm/llama-instance';
import { estimateFit, fitSummary } from '../../../main/llm/model-fit';
import { testModelPath } from '../../fixtures/test-models';

describe('threads and fit for this machine', () => {
  it('uses one thread on two cores, about one per physical core above, and the variable when set', () => {
    expect(chooseThreads({ cores: 2, env: {} }).threads).toBe(1);
    expect(chooseThreads({ cores: 1, env: {} }).threads).toBe(1);
    expect(chooseThreads({ cores: 8, env: {} }).threads).toBe(4);
    expect(chooseThreads({ cores: 2, env: { [THREADS_ENV]: '2' } })).toEqual({
      threads: 2,
      reason: `${THREADS_ENV}=2`,
    });
    for (const bad of ['0', 'two', '1.5', '-1', '999']) {
      expect(() => chooseThreads({ cores: 2, env: { [THREADS_ENV]: bad } })).toThrow(
        new RegExp(`${THREADS_ENV} must be a whole number of threads from 1 to 256, got "${bad.replace('.', '\\.')}"`),
      );
    }
  });

  it('measures between one thread and all cores on two, half and all but one above, and nothing when fixed', () => {
    expect(planThreads({ cores: 2, env: {} }).candidates).toEqual([1, 2]);
    expect(planThreads({ cores: 8, env: {} }).candidates).toEqual([4, 7]);
    expect(planThreads({ cores: 4, env: {} }).candidates).toEqual([2, 3]);
    expect(planThreads({ cores: 1, env: {} }).candidates).toEqual([1]);
    expect(planThreads({ cores: 2, env: { [THREADS_ENV]: '2' } }).candidates).toEqual([2]);
    expect(planThreads({ cores: 16, env: { [THREADS_ENV]: '3' } }).initial.threads).toBe(3);
  });

  it('estimates the tiny model on this machine at a drafting-size context, and says where it runs', async () => {
    const info = await readGgufFileInfo(await testModelPath({ contextLength: 512 }));
    const fit = await estimateFit(info);
    expect(fit.totalLayers).toBe(5);
    expect(fit.contextSize).toBe(512);
    expect(fit.fits).toBe(true);
    expect(fit.ramBytes).toBeGreaterThan(0);
    expect(recordedText(fit.summary).en).toMatch(/^Runs (on|partly on) /);
    expect(recordedText(fit.summary).zh).toMatch(/运行/);
  });

  it('the summary says CPU, full GPU, partial GPU and "does not fit" in both languages', () => {
    const base = { totalLayers: 25, ramBytes: 600e6, vramBytes: 0, fits: true, contextSize: 4096 };
    expect(recordedText(fitSummary({ ...base, gpu: false, gpuLayers: 0 })).en).toBe(
      'Runs on the CPU (no usable GPU): 0 of 25 layers on a GPU, needs about 0.60 GB of RAM at a 4096-token context.',
    );
    const full = recordedText(fitSummary({ ...base, gpu: 'cuda', gpuLayers: 25, vramBytes: 1.2e9, ramBytes: 200e6 }));
    expect(full.en).toBe(
      'Runs on the CUDA GPU: 25 of 25 layers on the GPU, needs about 1.2 GB of VRAM and 0.20 GB of RAM at a 4096-token context.',
    );
    expect(full.zh).toBe(
      '在 CUDA GPU 上运行：25 层中 25 层在 GPU 上，4096 词元上下文约需 1.2 GB 显存和 0.20 GB 内存。',
    );
    expect(recordedText(fitSummary({ ...base, gpu: 'vulkan', gpuLayers: 10, vramBytes: 3e9 })).en).toMatch(
      /^Runs partly on the Vulkan GPU: 10 of 25 layers/,
    );
    expect(recordedText(fitSummary({ ...base, gpu: 'metal', gpuLayers: 0 })).en).toMatch(
      /^Runs on the CPU \(Metal GPU has no room\)/,
    );
    const tooBig = recordedText(fitSummary({ ...base, gpu: false, gpuLayers: 0, fits: false, ramBytes: 64e9 }));
    expect(tooBig.en).toMatch(/more than is free now: loading will likely fail or be very slow\.$/);
    expect(tooBig.zh).toMatch(/超过当前可用内存/);
  });
});
