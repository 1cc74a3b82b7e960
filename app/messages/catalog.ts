import { enClient } from './en-client';
import { enUi } from './en-ui';
import type { Language } from './language';
import { zhCNClient } from './zh-CN-client';
import { zhCNUi } from './zh-CN-ui';

/**
 * The English catalog defines the keys: every other language must provide exactly the same ones,
 * so a missing or misspelled translation fails the type check. The renderer, the CLI and the
 * documents the app writes all look their text up here.
 */
export const en = {
  ...enUi,
  ...enClient,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

export const zhCN: Catalog = {
  ...zhCNUi,
  ...zhCNClient,
};

export const CATALOGS: Record<Language, Catalog> = { en, 'zh-CN': zhCN };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
