import type { Language } from '../domain/enums';

/**
 * Client free text (notes, goals in their own words) goes into the prompt as data, never as instructions.
 * It is fenced by markers the text itself can no longer produce: every angle bracket, heading run, code
 * fence and chat-template tag inside it is rewritten before it is fenced.
 */
export const DATA_OPEN = '<<<CLIENT DATA';
export const DATA_CLOSE = '<<<END CLIENT DATA>>>';

/** Chat-template control sequences of common model families, neutralised even without angle brackets. */
const CONTROL_TAGS =
  /\[\/?(?:INST|SYS)\]|<\/?s>|<\|[^|>\n]{0,40}\|>|<\/?(?:start_of_turn|end_of_turn|system|user|assistant)>/gi;

/* eslint-disable no-control-regex -- matching control characters is the point */
const HIDDEN_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
/* eslint-enable no-control-regex */

export function neutraliseDataText(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Control and bidirectional characters could hide or reorder text the advisor reviews.
      .replace(HIDDEN_CHARACTERS, '')
      .replace(CONTROL_TAGS, (tag) => tag.replace(/[<>[\]|]/g, ''))
      .replace(/</g, '‹')
      .replace(/>/g, '›')
      .replace(/#{2,}/g, '#')
      .replace(/`{3,}/g, "'''")
      .replace(/"{3,}/g, '"')
      .replace(/\r\n?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

export interface PersonalDataToRemove {
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
}

const REMOVED: Record<Language, string> = { en: '[removed]', 'zh-CN': '[已删除]' };

/**
 * Takes out what identifies the client: their name, e-mail and phone as recorded, and anything shaped like
 * an e-mail, a phone number, an identity or account number or a street address line.
 */
export function redactPersonalData(text: string, known: PersonalDataToRemove, language: Language = 'en'): string {
  const mark = REMOVED[language];
  let out = text;
  for (const literal of [known.displayName, known.email, known.phone]) {
    const value = literal?.trim();
    if (value && value.length >= 2) out = out.split(value).join(mark);
  }
  return out
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, mark)
    .replace(/\b\d{17}[\dXx]\b|\b\d{15}\b/g, mark)
    .replace(/(?:\+?\d[\d\s-]{6,}\d)/g, mark)
    .replace(/\b\d{1,5}\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\s(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Dr)\b\.?/g, mark)
    .replace(/[\u4e00-\u9fff]{1,12}(?:路|街|大道)\d{1,5}号/g, mark);
}

/** The data block itself: a label the model can read, the neutralised text, and the closing marker. */
export function dataBlock(label: string, text: string): string {
  return `${DATA_OPEN}: ${label}>>>\n${neutraliseDataText(text)}\n${DATA_CLOSE}`;
}
