import { LANGUAGES, type Language } from '../../app/messages';
import { usageError } from './cli-io';

/**
 * The language the CLI writes the catalog's messages in: `--lang en|zh-CN`, English when not given.
 * The CLI's own framing (headings, field names, usage) stays English, as scripts read it.
 */
export function cliLanguage(value: string | undefined): Language {
  if (value === undefined) return 'en';
  if ((LANGUAGES as readonly string[]).includes(value)) return value as Language;
  throw usageError(`--lang must be one of ${LANGUAGES.join(', ')}, got "${value}".`);
}
