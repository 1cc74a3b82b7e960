import type { Language } from '../../../app/domain';
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-CN';

const catalogs: Record<Language, Messages> = { en, 'zh-CN': zhCN };

export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

export function translate(language: Language, key: MessageKey, vars?: TranslateVars): string {
  const template = catalogs[language][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
