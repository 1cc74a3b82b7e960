import type { LocalizedText } from '../../domain/localized-text';
import { closeTruncatedJson, parseDraft, type PitchDraft, type PitchLength } from '../../pitch';

export type ModelAnswer =
  | { ok: true; draft: PitchDraft; label: LocalizedText }
  | { ok: false; outcome: 'stopped' | 'failed'; error: LocalizedText | null };

export const modelLabel = (file: string): LocalizedText => ({
  en: `Drafted by the local model ${file}: read every sentence before you use it`,
  zh: `由本地模型 ${file} 起草：使用前请逐句核对`,
});

/**
 * The model's text read as a pitch. A generation stopped or cut off part-way keeps what was written if, closed, it
 * is a whole pitch, and its label says to check the ends; otherwise the failure says what to do next.
 */
export function readModelAnswer(
  raw: string,
  how: { length: PitchLength; stopped: boolean; cutOff: boolean; maxTokens: number; file: string },
): ModelAnswer {
  // Pieces of a multi-byte character the model never finished decode to U+FFFD (one per byte), which the grammar
  // counted as one character or none: they carry no text, and left in they push a field past its limit.
  const text = raw.replace(/\uFFFD+/g, '');
  let parsed = parseDraft(text, how.length);
  if (!parsed.ok && (how.stopped || how.cutOff)) {
    const closed = closeTruncatedJson(text);
    if (closed !== null) parsed = parseDraft(closed, how.length);
  }
  if (!parsed.ok) {
    if (how.stopped) return { ok: false, outcome: 'stopped', error: null };
    const why = parsed.error.message;
    if (how.cutOff)
      return {
        ok: false,
        outcome: 'failed',
        error: {
          en: `The model used all ${how.maxTokens} answer tokens before the pitch was complete (${why}). Choose a shorter length, load the model with a larger context, or use the template draft.`,
          zh: `模型用完了 ${how.maxTokens} 个回答 token，推介仍未完成（${why}）。请选择较短的篇幅、以更大的上下文加载模型，或使用模板草稿。`,
        },
      };
    return {
      ok: false,
      outcome: 'failed',
      error: {
        en: `The model's answer is not a usable pitch (${why}). Draft again, or use the template draft.`,
        zh: `模型的回答不是可用的推介（${why}）。请重新起草，或使用模板草稿。`,
      },
    };
  }
  const label = modelLabel(how.file);
  if (how.stopped || how.cutOff) {
    const [en, zh] = how.stopped
      ? ['stopped before it finished', '在完成前被停止']
      : [`cut off at ${how.maxTokens} tokens`, `在 ${how.maxTokens} 个 token 处被截断`];
    label.en += ` (${en}: check the end of each part)`;
    label.zh += `（${zh}：请检查各部分的结尾）`;
  }
  return { ok: true, draft: parsed.draft, label };
}
