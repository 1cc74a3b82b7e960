import { LlamaChatSession } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import { contextThreads, getLlamaForMachine } from '../../../main/llm/llama-instance';
import { testModelPath } from '../../fixtures/test-models';

describe('a generated test model with the real node-llama-cpp', () => {
  it('loads the tiny chat model, tokenizes English and Chinese into word pieces and generates a few tokens', async () => {
    const llama = await getLlamaForMachine();
    expect(await getLlamaForMachine()).toBe(llama);
    const model = await llama.loadModel({ modelPath: await testModelPath() });
    try {
      const english = 'the client wants a low risk bond fund';
      const englishTokens = model.tokenize(english);
      // Word pieces, not one byte per character.
      expect(englishTokens.length).toBeLessThan(english.length / 2);
      expect(model.detokenize(englishTokens)).toBe(english);
      const chinese = '客户希望低风险的债券基金';
      const chineseTokens = model.tokenize(chinese);
      expect(model.detokenize(chineseTokens)).toBe(chinese);

      const context = await model.createContext({ contextSize: 512, threads: contextThreads() });
      const session = new LlamaChatSession({ contextSequence: context.getSequence() });
      expect(session.chatWrapper.wrapperName).toBe('ChatML');
      let tokens = 0;
      await session.prompt('Say hello', { maxTokens: 8, temperature: 0, onToken: (t) => (tokens += t.length) });
      expect(tokens).toBeGreaterThan(0);
      await context.dispose();
    } finally {
      await model.dispose();
    }
  });

  it('loads a plain model without a chat template and a short context', async () => {
    const llama = await getLlamaForMachine();
    const model = await llama.loadModel({
      modelPath: await testModelPath({ chatTemplate: false, contextLength: 512, type: 'f16' }),
    });
    try {
      expect(model.fileInfo.metadata.tokenizer.chat_template).toBeUndefined();
      expect(model.trainContextSize).toBe(512);
      const context = await model.createContext({ contextSize: 512, threads: contextThreads() });
      const sequence = context.getSequence();
      const generated: number[] = [];
      for await (const token of sequence.evaluate(model.tokenize('the fund'), { temperature: 0 })) {
        generated.push(token);
        if (generated.length >= 4) break;
      }
      expect(generated).toHaveLength(4);
      await context.dispose();
    } finally {
      await model.dispose();
    }
  });
});
