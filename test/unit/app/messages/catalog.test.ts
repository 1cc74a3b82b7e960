import { describe, expect, it } from 'vitest';
import { CATALOGS, en, LANGUAGES, templateArguments, zhCN } from '../../../../app/messages';

describe('the message catalog', () => {
  it('has every key in every language, and no key only one language has', () => {
    for (const language of LANGUAGES) expect(Object.keys(CATALOGS[language]).sort()).toEqual(Object.keys(en).sort());
  });

  // A plural in English may be a plain value in Chinese, which has one form for every count: the names must agree.
  it('fills in the same values in English and in Chinese', () => {
    const mismatched: string[] = [];
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = [...templateArguments(en[key]).keys()].sort();
      const chinese = [...templateArguments(zhCN[key]).keys()].sort();
      if (JSON.stringify(english) !== JSON.stringify(chinese))
        mismatched.push(`${key}: en ${JSON.stringify(english)}, zh-CN ${JSON.stringify(chinese)}`);
    }
    expect(mismatched).toEqual([]);
  });

  it('has no empty text', () => {
    for (const language of LANGUAGES)
      for (const [key, text] of Object.entries(CATALOGS[language]))
        expect(text.trim(), `${language} ${key}`).not.toBe('');
  });
});
