import type { Language } from '../domain/enums';
import { recordedText, type LocalizedText } from '../domain/localized-text';
import { message, type Message, type MessageKey, type MessageParam } from '../messages';

export const PITCH_TONES = ['formal', 'warm', 'concise'] as const;
export type PitchTone = (typeof PITCH_TONES)[number];

export const PITCH_LENGTHS = ['short', 'medium', 'long'] as const;
export type PitchLength = (typeof PITCH_LENGTHS)[number];

/** What the advisor chooses before drafting. */
export interface PitchOptions {
  language: Language;
  tone: PitchTone;
  length: PitchLength;
}

/** The five parts of a pitch, as the grammar makes the model write them and the editor shows them. */
export interface PitchDraft {
  headline: string;
  body: string;
  keyPoints: string[];
  risks: string[];
  nextStep: string;
}

export const DRAFT_FIELDS = ['headline', 'body', 'keyPoints', 'risks', 'nextStep'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** Where a draft came from: the model, the deterministic template, or the advisor's own edit. */
export type DraftSource = 'model' | 'template' | 'advisor';

export interface LabelledPitchDraft extends PitchDraft {
  source: DraftSource;
  language: Language;
  /** Shown above the draft, e.g. "Template draft: written without a language model". */
  label: Message;
}

/** The same text in both languages, for values that are not words of the app (a name, a figure, a date). */
export const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** A catalog entry rendered in both languages, as a pitch's facts and checks keep their text. */
export const doc = (key: MessageKey, params?: Record<string, MessageParam>): LocalizedText =>
  recordedText(message(key, params));
