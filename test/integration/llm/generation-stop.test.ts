import { afterAll, describe, expect, it } from 'vitest';
import { pitchDraftJsonSchema } from '../../../app/pitch/draft-schema';
import { EngineClient } from '../../../main/engine/engine-client';
import { forkEngine } from '../../../main/engine/fork-engine';
import { testModelPath } from '../../fixtures/test-models';

/**
 * Why a generation ended decides what the advisor is told: an answer cut off at its token budget is closed and kept
 * as a labelled partial draft, or failed with "ran out of tokens"; only an answer the model ended itself is judged as
 * finished text. Random weights under the pitch grammar never close the long pitch's JSON within a small budget.
 */
describe('how a generation ended', () => {
  const engine = new EngineClient(forkEngine({ threads: 1 }));
  afterAll(() => engine.dispose());

  it('an answer cut off at its budget says max-tokens, in chat and in plain completion, whatever the seed', async () => {
    for (const chatTemplate of [true, false]) {
      const loaded = await engine.load({
        path: await testModelPath({ chatTemplate }),
        gpuLayers: 0,
        contextSize: 'auto',
      });
      expect(loaded.status.state).toBe('loaded');
      for (const seed of [1, 2, 3, 4, 5]) {
        const maxTokens = 120 + seed * 37;
        const result = await engine.generate({
          prompt: chatTemplate
            ? { format: 'chat', system: 'Answer in JSON.', user: 'Write a long pitch for a savings account.' }
            : { format: 'plain', text: 'A long pitch for a savings account, as JSON:' },
          constraint: { jsonSchema: pitchDraftJsonSchema('long') as Record<string, unknown> },
          maxTokens,
          temperature: 0.8,
          seed,
        });
        expect(() => JSON.parse(result.text)).toThrow();
        expect({ seed, chatTemplate, stop: result.stop }).toEqual({ seed, chatTemplate, stop: 'max-tokens' });
      }
    }
  }, 180_000);
});
