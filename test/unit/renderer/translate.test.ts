import { describe, expect, it } from 'vitest';
import { validateClientProfile } from '../../../app/domain';
import { translatorFor } from '../../../renderer/src/i18n/translate';
import { profile } from '../../fixtures/client-profile';

describe("the window's translator", () => {
  it('renders a message the domain returned in the language the advisor chose', () => {
    const checked = validateClientProfile(profile({ email: 'a@b', liabilities: -1 }), '2026-11-28');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const byField = new Map(checked.issues.map((i) => [i.field, i.message]));
    expect(translatorFor('en')(byField.get('email')!)).toBe('Email address is not valid.');
    expect(translatorFor('zh-CN')(byField.get('email')!)).toBe('电子邮箱格式不正确。');
    // A message inside a message (the field's name) is rendered in the same language.
    expect(translatorFor('en')(byField.get('liabilities')!)).toBe('Liabilities cannot be negative.');
    expect(translatorFor('zh-CN')(byField.get('liabilities')!)).toBe('负债不能为负数。');
  });

  it('writes counts with the plural form of each language', () => {
    const en = translatorFor('en');
    const zh = translatorFor('zh-CN');
    expect(en('products.count', { count: 1 })).toBe('1 product');
    expect(en('products.count', { count: 2 })).toBe('2 products');
    expect(en('clients.count', { shown: 1, total: 1 })).toBe('1 of 1 client');
    expect(en('clients.count', { shown: 1200, total: 1500 })).toBe('1,200 of 1,500 clients');
    expect(zh('products.count', { count: 1 })).toBe('共 1 个产品');
    expect(zh('products.count', { count: 2 })).toBe('共 2 个产品');
    expect(zh('clients.count', { shown: 1200, total: 1500 })).toBe('1,200 / 1,500 位客户');
  });
});
