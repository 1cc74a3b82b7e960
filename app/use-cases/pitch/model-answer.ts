import { message, type Message } from '../../messages';
import { closeTruncatedJson, parseDraft, type PitchDraft, type PitchLength } from '../../pitch';

export type ModelAnswer =
  { ok: true; draft: PitchDraft; label: Message } | { ok: false; outcome: 'stopped' | 'failed'; error: Message | null };

export const modelLabel = (file: string): Message => message('pitchJob.modelLabel', { file });

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
        error: message('pitchJob.outOfTokens', { tokens: how.maxTokens, why }),
      };
    return {
      ok: false,
      outcome: 'failed',
      error: message('pitchJob.unusable', { why }),
    };
  }
  const whole = modelLabel(how.file);
  if (!how.stopped && !how.cutOff) return { ok: true, draft: parsed.draft, label: whole };
  const why = how.stopped ? message('pitchJob.stoppedEarly') : message('pitchJob.cutOff', { tokens: how.maxTokens });
  return { ok: true, draft: parsed.draft, label: message('pitchJob.partialLabel', { label: whole, why }) };
}
