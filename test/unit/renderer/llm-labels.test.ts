import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatParameters,
  modelFileName,
  pickBilingualMessage,
} from '../../../renderer/src/pages/models/llm-labels';

describe('language model labels', () => {
  it('shows the advisor only their half of a bilingual refusal, and keeps paths whole', () => {
    const message = 'cut.gguf is incomplete: read it from /tmp/a/b again. / cut.gguf 不完整：请从 /tmp/a/b 重新复制。';
    expect(pickBilingualMessage(message, 'en')).toBe('cut.gguf is incomplete: read it from /tmp/a/b again.');
    expect(pickBilingualMessage(message, 'zh-CN')).toBe('cut.gguf 不完整：请从 /tmp/a/b 重新复制。');
    expect(pickBilingualMessage('copy it into /tmp/x / y', 'zh-CN')).toBe('copy it into /tmp/x / y');
    expect(pickBilingualMessage('no separator here', 'zh-CN')).toBe('no separator here');
  });

  it('names files, parameter counts and sizes the way an advisor reads them', () => {
    expect(modelFileName('/home/a/models/qwen.gguf')).toBe('qwen.gguf');
    expect(modelFileName('C:\\Models\\qwen.gguf')).toBe('qwen.gguf');
    expect(formatParameters(494_000_000)).toBe('494M');
    expect(formatParameters(7_610_000_000)).toBe('7.61B');
    expect(formatParameters(3_670_000)).toBe('3.67M');
    expect(formatParameters(null)).toBe('—');
    expect(formatBytes(4096)).toBe('4.0 KiB');
    expect(formatBytes(399_500_000)).toBe('381 MiB');
    expect(formatBytes(512)).toBe('512 B');
  });
});
