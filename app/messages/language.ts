import { z } from 'zod';

/** The languages the catalog is written in; every key exists in each. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** en-GB writes dates day-month-year with a short month name, which no reader can misread as month-day. */
export const LOCALE_TAGS: Record<Language, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' };
