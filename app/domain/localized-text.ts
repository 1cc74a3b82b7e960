import { z } from 'zod';
import type { Language } from './enums';

/** Text an advisor reads, carried in both supported languages so the UI can switch without a round trip. */
export const LocalizedTextSchema = z.object({ en: z.string(), zh: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export function pickText(text: LocalizedText, language: Language): string {
  return language === 'zh-CN' ? text.zh : text.en;
}
