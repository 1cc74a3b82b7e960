import { describe, expect, it } from 'vitest';
import { categoryName } from '../../../../app/domain';
import { renderMessage } from '../../../../app/messages';

describe('category names', () => {
  it('names a category the catalogue ships with in each language, from the message catalog', () => {
    expect(categoryName('bond_fund')).toEqual({ key: 'category.bond_fund' });
    expect(renderMessage(categoryName('bond_fund'), 'en')).toBe('Bond fund');
    expect(renderMessage(categoryName('bond_fund'), 'zh-CN')).toBe('债券基金');
  });

  it('reads an unknown code as words in both languages, never as a catalog key', () => {
    expect(renderMessage(categoryName('green_bond'), 'en')).toBe('green bond');
    expect(renderMessage(categoryName('green_bond'), 'zh-CN')).toBe('green bond');
    expect(renderMessage(categoryName('other'), 'en')).toBe('other');
  });
});
