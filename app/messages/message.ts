import { z } from 'zod';
import { CATALOGS, isMessageKey, type MessageKey } from './catalog';
import { LOCALE_TAGS, type Language } from './language';
import { formatTemplate, type TemplateValue } from './message-format';

/** A value filled into a message: text and numbers as they are, or another message rendered in the same language. */
export type MessageParam = string | number | Message;

/**
 * Text for a person to read, not yet in any language: a catalog key and the values it fills in.
 * Domain code returns these; whoever shows them (the window, the CLI, a document) renders them
 * in its reader's language.
 */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

export function message(key: MessageKey, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

const MessageKeySchema = z.custom<MessageKey>(
  (value) => typeof value === 'string' && isMessageKey(value),
  'not a key of the message catalog',
);

/** The wire form of a message; a key the catalog lacks is refused with the key's path. */
export const MessageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({
    key: MessageKeySchema,
    params: z.record(z.string(), z.union([z.string(), z.number(), MessageSchema])).optional(),
  }),
);

export function isMessage(value: unknown): value is Message {
  return MessageSchema.safeParse(value).success;
}

/** A catalog entry filled in with plain values, in one language. */
export function translate(language: Language, key: MessageKey, values?: Record<string, TemplateValue>): string {
  return formatTemplate(CATALOGS[language][key], LOCALE_TAGS[language], values);
}

/** A message in one language, the messages among its values rendered in that language first. */
export function renderMessage(msg: Message, language: Language): string {
  const values: Record<string, TemplateValue> = {};
  for (const [name, value] of Object.entries(msg.params ?? {}))
    values[name] = typeof value === 'object' ? renderMessage(value, language) : value;
  return translate(language, msg.key, values);
}

/** A message in every language, for a record that keeps the text as it was shown. */
export function renderInEvery(msg: Message): Record<Language, string> {
  return { en: renderMessage(msg, 'en'), 'zh-CN': renderMessage(msg, 'zh-CN') };
}
