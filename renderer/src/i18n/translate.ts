import {
  renderMessage,
  translate as translateIn,
  type Language,
  type Message,
  type MessageKey,
} from '../../../app/messages';

export type TranslateVars = Record<string, string | number>;

/** A catalog key with its values, or a message the backend sent, in the advisor's language. */
export interface Translate {
  (key: MessageKey, vars?: TranslateVars): string;
  (message: Message): string;
}

export function translate(language: Language, key: MessageKey, vars?: TranslateVars): string {
  return translateIn(language, key, vars);
}

export function translatorFor(language: Language): Translate {
  return ((keyOrMessage: MessageKey | Message, vars?: TranslateVars) =>
    typeof keyOrMessage === 'string'
      ? translateIn(language, keyOrMessage, vars)
      : renderMessage(keyOrMessage, language)) as Translate;
}
