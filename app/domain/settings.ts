import { z } from 'zod';
import { LanguageSchema } from './enums';

export const ThemeModeSchema = z.enum(['light', 'dark']);
export type ThemeMode = z.infer<typeof ThemeModeSchema>;

/** User preferences kept in the database so they survive restarts and follow the data folder. */
export const UserSettingsSchema = z.object({
  theme: ThemeModeSchema,
  language: LanguageSchema,
});
export type UserSettings = z.infer<typeof UserSettingsSchema>;

export const DEFAULT_SETTINGS: UserSettings = { theme: 'light', language: 'en' };
