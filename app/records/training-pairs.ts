import type { PitchDraftContent } from '../contract/pitch-channels';
import type { Language } from '../domain/enums';
import { renderMessage } from '../messages';
import { redactPersonalData } from '../pitch/client-text';
import { amountBand } from '../pitch/formatting';
import { extractNumbers } from '../pitch/number-extraction';
import { pitchFacts, quotableNumbers } from '../pitch/pitch-facts';
import { systemText, userText } from '../pitch/pitch-prompt';
import type { PitchLength, PitchTone } from '../pitch/pitch-types';
import type { PitchAdviceRecord } from './advice-record';

/** One line of a fine-tuning file: the prompt the app would send and the text an advisor approved for it. */
export interface TrainingPair {
  /** A stable pseudonym of the record, so a line can be traced back by whoever holds the store, and by no one else. */
  ref: string;
  language: Language;
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  meta: {
    productFamily: string;
    riskGrade: string;
    /** Who wrote the first draft: a language model, the template, or the advisor alone. */
    firstDraft: 'model' | 'template' | 'advisor';
    /** The fields the advisor changed from the first draft before approval. */
    changedFields: string[];
    reviewed: boolean;
  };
}

const TONES: readonly PitchTone[] = ['formal', 'warm', 'concise'];
const LENGTHS: readonly PitchLength[] = ['short', 'medium', 'long'];

/** Currency amounts at or above this that no product or market fact states are taken to be the client's own. */
const PERSONAL_AMOUNT_FLOOR = 1000;

/**
 * A text with the client's identity taken out: the name, e-mail and phone on record and anything shaped like
 * contact data or an identity number removed; money amounts that are not the product's or the market's own
 * figures (so could be the client's balances) replaced by their band.
 */
export function depersonalise(
  text: string,
  client: { displayName?: string | null; email?: string | null; phone?: string | null },
  allowed: ReadonlySet<number>,
  language: Language,
): string {
  const redacted = redactPersonalData(text, client, language);
  const numbers = extractNumbers(redacted).filter(
    (n) => (n.unit === 'money' || n.unit === 'plain') && n.value >= PERSONAL_AMOUNT_FLOOR && !allowed.has(n.value),
  );
  let out = redacted;
  // From the end, so earlier positions stay valid; positions are those of the half-width text, the same length.
  for (const n of [...numbers].sort((a, b) => b.start - a.start))
    out = `${out.slice(0, n.start)}${renderMessage(amountBand(n.value), language)}${out.slice(n.end)}`;
  return out;
}

/**
 * The prompt/response pair of an approved pitch, rebuilt from the record: the same facts the app gives a model
 * (bands and categories, never the client's name, contact details or exact balances) and the approved text with
 * personal data removed. Null when the record has no approved text to learn from.
 */
export function trainingPair(record: PitchAdviceRecord, ref: string, reviewed: boolean): TrainingPair | null {
  const language = record.pitch.language;
  const settings = (record.pitch.generation?.settings ?? {}) as Record<string, unknown>;
  const tone = TONES.find((t) => t === settings.tone) ?? 'formal';
  const length = LENGTHS.find((l) => l === settings.length) ?? 'medium';
  const facts = pitchFacts(record.client, record.product, record.market, record.suitability, {
    today: record.createdAt.slice(0, 10),
  });
  const options = { language, tone, length };
  const allowed = new Set(quotableNumbers(facts).map((n) => n.value));
  const client = record.client as { displayName?: string | null; email?: string | null; phone?: string | null };
  const clean = (text: string) => depersonalise(text, client, allowed, language);
  const final = record.pitch.finalText;
  const response: PitchDraftContent = {
    headline: clean(final.headline),
    body: clean(final.body),
    keyPoints: final.keyPoints.map(clean),
    risks: final.risks.map(clean),
    nextStep: clean(final.nextStep),
  };
  if (response.body.trim() === '') return null;
  return {
    ref,
    language,
    messages: [
      { role: 'system', content: systemText(facts, options) },
      { role: 'user', content: userText(facts.facts, options) },
      { role: 'assistant', content: JSON.stringify(response) },
    ],
    meta: {
      productFamily: record.product.family,
      riskGrade: record.product.riskGrade,
      firstDraft: record.pitch.machineDraft?.source ?? 'advisor',
      changedFields: record.pitch.changes.map((c) => c.field),
      reviewed,
    },
  };
}
