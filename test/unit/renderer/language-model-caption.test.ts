import { describe, expect, it } from 'vitest';
import { enLlm } from '../../../app/messages/en-llm';
import { zhCNLlm } from '../../../app/messages/zh-CN-llm';
import { languageModelCaptionKey } from '../../../renderer/src/pages/client/language-model-caption';

const base = { file: 'qwen.gguf', sha256: 'a'.repeat(64) };

describe("the recommendations card's language-model line", () => {
  it('says the signals were used, or why not, naming the file in both languages', () => {
    const keys = [
      languageModelCaptionKey({ ...base, used: true, reason: null }),
      languageModelCaptionKey({ ...base, used: false, reason: 'not loaded' }),
      languageModelCaptionKey({ ...base, used: false, reason: 'another model is loaded' }),
      languageModelCaptionKey({
        ...base,
        used: false,
        reason: 'the signals could not be computed (context too small)',
      }),
      languageModelCaptionKey({ ...base, used: false, reason: 'not requested' }),
    ];
    expect(keys).toEqual([
      'reco.llm.used',
      'reco.llm.notLoaded',
      'reco.llm.otherLoaded',
      'reco.llm.failed',
      'reco.llm.pending',
    ]);
    for (const key of keys) {
      expect(enLlm[key]).toContain('{file}');
      expect(zhCNLlm[key]).toContain('{file}');
    }
  });
});
