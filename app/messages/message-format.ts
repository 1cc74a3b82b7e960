/**
 * A small subset of ICU MessageFormat, enough for this catalog:
 * `{name}` inserts a value as given, `{name, number}` formats a number for the language,
 * and `{name, plural, =0 {…} one {…} other {…}}` picks a branch by `Intl.PluralRules`,
 * where `#` in the branch stands for the count formatted for the language.
 * Chinese has only the `other` category, so its templates need no other branch.
 */

export type TemplateValue = string | number;

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'arg'; name: string; number: boolean }
  | { kind: 'count' }
  | { kind: 'plural'; name: string; branches: Map<string, Part[]> };

const PLURAL_SELECTORS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

export class TemplateSyntaxError extends Error {
  constructor(template: string, at: number, what: string) {
    super(`Message template ${JSON.stringify(template)} at ${at}: ${what}`);
    this.name = 'TemplateSyntaxError';
  }
}

class Parser {
  private at = 0;
  constructor(private readonly template: string) {}

  parse(): Part[] {
    const parts = this.parts(false);
    if (this.at < this.template.length) this.fail('an unmatched "}"');
    return parts;
  }

  private fail(what: string): never {
    throw new TemplateSyntaxError(this.template, this.at, what);
  }

  private parts(inPlural: boolean): Part[] {
    const parts: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ kind: 'text', text });
      text = '';
    };
    while (this.at < this.template.length) {
      const ch = this.template[this.at];
      if (ch === '}') break;
      if (ch === '{') {
        flush();
        parts.push(this.argument());
      } else if (ch === '#' && inPlural) {
        flush();
        parts.push({ kind: 'count' });
        this.at++;
      } else {
        text += ch;
        this.at++;
      }
    }
    flush();
    return parts;
  }

  private word(): string {
    this.skipSpace();
    const match = /^[=\w.-]+/.exec(this.template.slice(this.at));
    if (!match) this.fail('a name was expected');
    this.at += match[0].length;
    this.skipSpace();
    return match[0];
  }

  private skipSpace(): void {
    while (/\s/.test(this.template[this.at] ?? '')) this.at++;
  }

  private expect(ch: string): void {
    if (this.template[this.at] !== ch) this.fail(`"${ch}" was expected`);
    this.at++;
  }

  private argument(): Part {
    this.expect('{');
    const name = this.word();
    if (this.template[this.at] === '}') {
      this.at++;
      return { kind: 'arg', name, number: false };
    }
    this.expect(',');
    const type = this.word();
    if (type === 'number') {
      this.expect('}');
      return { kind: 'arg', name, number: true };
    }
    if (type !== 'plural') this.fail(`unknown argument type "${type}"`);
    this.expect(',');
    const branches = new Map<string, Part[]>();
    this.skipSpace();
    while (this.template[this.at] !== '}') {
      const selector = this.word();
      if (!PLURAL_SELECTORS.has(selector) && !/^=\d+$/.test(selector))
        this.fail(`unknown plural category "${selector}"`);
      this.expect('{');
      branches.set(selector, this.parts(true));
      this.expect('}');
      this.skipSpace();
    }
    this.at++;
    if (!branches.has('other')) this.fail(`the plural of "${name}" has no "other" branch`);
    return { kind: 'plural', name, branches };
  }
}

const parsed = new Map<string, Part[]>();

function partsOf(template: string): Part[] {
  let parts = parsed.get(template);
  if (!parts) {
    parts = new Parser(template).parse();
    parsed.set(template, parts);
  }
  return parts;
}

/** The names a template fills in, each with how it is used; the catalog test compares them across languages. */
export function templateArguments(template: string): Map<string, 'value' | 'number' | 'plural'> {
  const found = new Map<string, 'value' | 'number' | 'plural'>();
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if (part.kind === 'arg' && !found.has(part.name)) found.set(part.name, part.number ? 'number' : 'value');
      if (part.kind === 'plural') {
        found.set(part.name, 'plural');
        for (const branch of part.branches.values()) walk(branch);
      }
    }
  };
  walk(partsOf(template));
  return found;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

function formatNumber(locale: string, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return format.format(value);
}

/**
 * Fills a template in for a locale. A value the template names but the caller did not give
 * is left as its `{name}`, so a missing value shows up on screen rather than as an empty gap.
 */
export function formatTemplate(template: string, locale: string, values: Record<string, TemplateValue> = {}): string {
  const render = (parts: Part[], count: number | null): string => {
    let out = '';
    for (const part of parts) {
      if (part.kind === 'text') out += part.text;
      else if (part.kind === 'count') out += count === null ? '#' : formatNumber(locale, count);
      else if (part.kind === 'arg') {
        const value = values[part.name];
        if (value === undefined) out += `{${part.name}}`;
        else out += part.number && typeof value === 'number' ? formatNumber(locale, value) : String(value);
      } else {
        const value = Number(values[part.name]);
        if (values[part.name] === undefined || !Number.isFinite(value)) {
          out += `{${part.name}}`;
          continue;
        }
        const branch =
          part.branches.get(`=${value}`) ??
          part.branches.get(rulesFor(locale).select(value)) ??
          part.branches.get('other');
        out += render(branch ?? [], value);
      }
    }
    return out;
  };
  return render(partsOf(template), null);
}
