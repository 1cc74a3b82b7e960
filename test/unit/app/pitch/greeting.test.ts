import { describe, expect, it } from 'vitest';
import { greetingFor, surnameOf } from '../../../../app/pitch/greeting';
import { templateDraft } from '../../../../app/pitch/template-draft';
import { pitchFacts } from '../../../../app/pitch/pitch-facts';
import { TODAY, latestMarket, suitablePairs } from './pitch-fixtures';

const person = (displayName: string, title?: string) => ({
  kind: 'individual' as const,
  displayName,
  customAttributes: (title === undefined ? {} : { title }) as Record<string, string>,
});

describe('the template greeting', () => {
  it('greets a person by title and surname in both languages', () => {
    expect(greetingFor(person('陈美', 'Ms'))).toEqual({ en: 'Dear Ms 陈', zh: '尊敬的陈女士' });
    expect(greetingFor(person('Olivia Chen', 'ms.'))).toEqual({ en: 'Dear Ms Chen', zh: '尊敬的 Chen 女士' });
    expect(greetingFor(person('欧阳娜', '教授'))).toEqual({ en: 'Dear Professor 欧阳', zh: '尊敬的欧阳教授' });
    expect(greetingFor(person('Henry Brooks', 'Dr'))).toEqual({ en: 'Dear Dr Brooks', zh: '尊敬的 Brooks 博士' });
  });

  it('uses the full name when no title is known, and a business by its name', () => {
    expect(greetingFor(person('Alice Anderson'))).toEqual({ en: 'Dear Alice Anderson', zh: '尊敬的Alice Anderson' });
    expect(greetingFor(person('王磊', 'Sir?'))).toEqual({ en: 'Dear 王磊', zh: '尊敬的王磊' });
    expect(
      greetingFor({ kind: 'business', displayName: 'Kestrel Trading Ltd', customAttributes: { title: 'Mr' } }),
    ).toEqual({ en: 'Dear Kestrel Trading Ltd', zh: '尊敬的Kestrel Trading Ltd' });
  });

  it('finds the surname of Chinese and Western names', () => {
    expect(surnameOf('司马光明')).toBe('司马');
    expect(surnameOf('李娜')).toBe('李');
    expect(surnameOf('  Grace  Hopper ')).toBe('Hopper');
  });

  it('opens every template draft with the client, never "Dear client", in both languages', () => {
    for (const { client, product, facts } of suitablePairs().slice(0, 12)) {
      const name = 'profile' in client ? (client.profile as { displayName: string }).displayName : client.displayName;
      const f = pitchFacts(client, product, latestMarket(), facts.suitability, { today: TODAY });
      const en = templateDraft(f, { language: 'en', tone: 'warm', length: 'short' });
      const zh = templateDraft(f, { language: 'zh-CN', tone: 'formal', length: 'short' });
      expect(en.body.startsWith(`Dear ${name},`)).toBe(true);
      expect(zh.body.startsWith(`尊敬的${name}：`)).toBe(true);
      expect(en.body).not.toContain('Dear client');
      expect(zh.body).not.toContain('尊敬的客户');
    }
  });
});
