export { CATALOGS, en, isMessageKey, zhCN, type Catalog, type MessageKey } from './catalog';
export { LANGUAGES, LanguageSchema, LOCALE_TAGS, type Language } from './language';
export {
  isMessage,
  list,
  message,
  MessageSchema,
  renderInEvery,
  renderMessage,
  translate,
  type Message,
  type MessageParam,
  type DataText,
  type MessageList,
} from './message';
export { formatTemplate, templateArguments, TemplateSyntaxError, type TemplateValue } from './message-format';
