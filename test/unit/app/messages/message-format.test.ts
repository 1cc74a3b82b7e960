import { describe, expect, it } from 'vitest';
import {
  formatTemplate,
  list,
  message,
  MessageSchema,
  renderMessage,
  TemplateSyntaxError,
} from '../../../../app/messages';

const products = '{count, plural, =0 {no products} one {# product} other {# products}}';

describe('message templates', () => {
  it('chooses the English plural form by count', () => {
    expect(formatTemplate(products, 'en-GB', { count: 0 })).toBe('no products');
    expect(formatTemplate(products, 'en-GB', { count: 1 })).toBe('1 product');
    expect(formatTemplate(products, 'en-GB', { count: 2 })).toBe('2 products');
    expect(formatTemplate(products, 'en-GB', { count: 12345 })).toBe('12,345 products');
  });

  it('uses the one Chinese form for every count, with the count written for Chinese', () => {
    const zh = '{count, plural, other {# 个产品}}';
    expect(formatTemplate(zh, 'zh-CN', { count: 1 })).toBe('1 个产品');
    expect(formatTemplate(zh, 'zh-CN', { count: 2 })).toBe('2 个产品');
    expect(formatTemplate(zh, 'zh-CN', { count: 12345 })).toBe('12,345 个产品');
    // Chinese has no "one" category, so a "one" branch is never chosen.
    expect(new Intl.PluralRules('zh-CN').resolvedOptions().pluralCategories).toEqual(['other']);
    expect(formatTemplate('{n, plural, one {one} other {many}}', 'zh-CN', { n: 1 })).toBe('many');
  });

  it('inserts values as given, or formatted as numbers when asked', () => {
    expect(formatTemplate('{name} holds {amount, number}', 'en-GB', { name: 'Ann', amount: 1234567.5 })).toBe(
      'Ann holds 1,234,567.5',
    );
    expect(formatTemplate('Year {year}', 'en-GB', { year: 2026 })).toBe('Year 2026');
  });

  it('leaves a value nobody gave as its placeholder, so the gap is visible', () => {
    expect(formatTemplate('Hello {name}', 'en-GB', {})).toBe('Hello {name}');
    expect(formatTemplate(products, 'en-GB', {})).toBe('{count}');
  });

  it('refuses a template it cannot read, naming where', () => {
    expect(() => formatTemplate('{count, plural, one {x}}', 'en-GB', { count: 1 })).toThrow(/no "other" branch/);
    expect(() => formatTemplate('{oops', 'en-GB')).toThrow(TemplateSyntaxError);
    expect(() => formatTemplate('{n, plural, lots {x} other {y}}', 'en-GB', { n: 1 })).toThrow(/"lots"/);
  });
});

describe('messages with values', () => {
  it('renders nested messages, data held in both languages and lists in the reader language', () => {
    const msg = message('issue.text', {
      text: list([{ en: 'Savings', zh: '活期储蓄' }, message('client.issue.email')], 'comma'),
    });
    expect(renderMessage(msg, 'en')).toBe('Savings, Email address is not valid.');
    expect(renderMessage(msg, 'zh-CN')).toBe('活期储蓄、电子邮箱格式不正确。');
    const both = message('issue.text', { text: list(['A', 'B'], 'and') });
    expect(renderMessage(both, 'en')).toBe('A and B');
    expect(renderMessage(both, 'zh-CN')).toBe('A和B');
  });

  it('refuses on the wire a key the catalog does not have', () => {
    expect(MessageSchema.safeParse({ key: 'client.issue.email' }).success).toBe(true);
    const bad = MessageSchema.safeParse({ key: 'no.such.key' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/not a key of the message catalog/);
  });
});
