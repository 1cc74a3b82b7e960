import { z } from 'zod';
import { renderMessage, type Message } from '../messages';
import type { Language } from './enums';

/**
 * Text kept for the record as it was shown, in both supported languages: a pitch version's label, a deviation's
 * warning. Everything else a person reads travels as a catalog `Message` and is rendered where it is shown.
 */
export const LocalizedTextSchema = z.object({ en: z.string(), zh: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export function pickText(text: LocalizedText, language: Language): string {
  return language === 'zh-CN' ? text.zh : text.en;
}

/** A message rendered in both languages, to be stored with the record it was shown on. */
export function recordedText(message: Message): LocalizedText {
  return { en: renderMessage(message, 'en'), zh: renderMessage(message, 'zh-CN') };
}
