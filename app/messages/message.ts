import { z } from 'zod';
import { CATALOGS, isMessageKey, type MessageKey } from './catalog';
import { LOCALE_TAGS, type Language } from './language';
import { formatTemplate, type TemplateValue } from './message-format';

/**
 * A value filled into a message: text and numbers as they are, another message rendered in the same language,
 * data the records hold in both languages (a product's name), or a list of values joined the language's way.
 */
export type MessageParam = string | number | Message | DataText | MessageList;

/** Text that is data, not catalog text: the records carry it in both languages (a product's name, its disclosure). */
export interface DataText {
  readonly en: string;
  readonly zh: string;
}

/** Values joined as a list: `comma` (a, b / a、b), `semicolon` (a; b / a；b) or `and` (a and b / a和b). */
export interface MessageList {
  readonly items: readonly MessageParam[];
  readonly join: 'comma' | 'semicolon' | 'and';
}

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
    params: z.record(z.string(), MessageParamSchema).optional(),
  }),
);

const MessageParamSchema: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    MessageSchema,
    z.object({ en: z.string(), zh: z.string() }),
    z.object({ items: z.array(MessageParamSchema), join: z.enum(['comma', 'semicolon', 'and']) }),
  ]),
);

export function list(items: readonly MessageParam[], join: MessageList['join'] = 'comma'): MessageList {
  return { items, join };
}

export function isMessage(value: unknown): value is Message {
  return MessageSchema.safeParse(value).success;
}

/** A catalog entry filled in with plain values, in one language. */
export function translate(language: Language, key: MessageKey, values?: Record<string, TemplateValue>): string {
  return formatTemplate(CATALOGS[language][key], LOCALE_TAGS[language], values);
}

const SEPARATORS: Record<Language, Record<'comma' | 'semicolon', string>> = {
  en: { comma: ', ', semicolon: '; ' },
  'zh-CN': { comma: '、', semicolon: '；' },
};

function renderParam(value: MessageParam, language: Language): TemplateValue {
  if (typeof value !== 'object') return value;
  if ('key' in value) return renderMessage(value, language);
  if ('items' in value) {
    const items = value.items.map((item) => String(renderParam(item, language)));
    return value.join === 'and'
      ? new Intl.ListFormat(LOCALE_TAGS[language], { type: 'conjunction' }).format(items)
      : items.join(SEPARATORS[language][value.join]);
  }
  return language === 'zh-CN' ? value.zh : value.en;
}

/** A message in one language, the messages and data among its values rendered in that language first. */
export function renderMessage(msg: Message, language: Language): string {
  const values: Record<string, TemplateValue> = {};
  for (const [name, value] of Object.entries(msg.params ?? {})) values[name] = renderParam(value, language);
  return translate(language, msg.key, values);
}

/** A message in every language, for a record that keeps the text as it was shown. */
export function renderInEvery(msg: Message): Record<Language, string> {
  return { en: renderMessage(msg, 'en'), 'zh-CN': renderMessage(msg, 'zh-CN') };
}
