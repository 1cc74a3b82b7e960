import { useMemo } from 'react';
import { pickText, type Language, type LocalizedText } from '../../../app/domain';
import { useSettings } from '../settings/settings-context';
import { formattersFor, type Formatters } from './format';
import { translatorFor, type Translate } from './translate';

export interface I18n {
  language: Language;
  /** A catalog key with its values, or a message from the backend, in the advisor's language. */
  t: Translate;
  fmt: Formatters;
  /** Picks the current language from text the backend carries in both. */
  pick(text: LocalizedText): string;
  /** Picks between a product's English and Chinese fields. */
  pickPair(en: string, zh: string): string;
}

export function useI18n(): I18n {
  const { language, timeZone } = useSettings().settings;
  return useMemo(
    () => ({
      language,
      t: translatorFor(language),
      fmt: formattersFor(language, timeZone),
      pick: (text) => pickText(text, language),
      pickPair: (en, zh) => (language === 'zh-CN' ? zh : en),
    }),
    [language, timeZone],
  );
}
