import { z } from 'zod';
import { isKnownTimeZone, systemTimeZone } from '../meetings/day-range';
import { LanguageSchema } from './enums';

export const ThemeModeSchema = z.enum(['light', 'dark']);
export type ThemeMode = z.infer<typeof ThemeModeSchema>;

/** An IANA time-zone name the runtime knows ("Asia/Shanghai", "Europe/London", "UTC"). */
export const TimeZoneSchema = z.string().min(1).max(64).refine(isKnownTimeZone, 'must be a known time zone');

/** User preferences kept in the database so they survive restarts and follow the data folder. */
export const UserSettingsSchema = z.object({
  theme: ThemeModeSchema,
  language: LanguageSchema,
  /** The zone meeting times are shown and days are cut in; the machine's own until the advisor picks one. */
  timeZone: TimeZoneSchema,
});
export type UserSettings = z.infer<typeof UserSettingsSchema>;

export const DEFAULT_SETTINGS: UserSettings = { theme: 'light', language: 'en', timeZone: systemTimeZone() };
