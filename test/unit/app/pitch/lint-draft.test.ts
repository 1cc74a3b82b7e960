import { describe, expect, it } from 'vitest';
import { message } from '../../../../app/messages';
import {
  canApprove,
  findClaims,
  lintDraft,
  pitchFacts,
  templateDraft,
  withRequiredDisclosure,
  type ClaimFamily,
  type PitchDraft,
  type PitchFacts,
  type PitchIssue,
} from '../../../../app/pitch';
import { TODAY, factsFor, latestMarket, suitablePairs } from './pitch-fixtures';

const bond = factsFor('FD-BD-01');
const base = (facts: PitchFacts, language: 'en' | 'zh-CN'): PitchDraft => {
  const { headline, body, keyPoints, risks, nextStep } = templateDraft(facts, {
    language,
    tone: 'formal',
    length: 'medium',
  });
  return { headline, body, keyPoints, risks, nextStep };
};
const withBody = (facts: PitchFacts, language: 'en' | 'zh-CN', extra: string): PitchDraft => {
  const d = base(facts, language);
  return { ...d, body: `${d.body}${language === 'en' ? ' ' : ''}${extra}` };
};
const blocking = (issues: PitchIssue[]) => issues.filter((i) => i.severity === 'blocking');

const CLAIMS: Record<ClaimFamily, { en: string[]; zh: string[] }> = {
  'guaranteed-return': {
    en: [
      'Guaranteed returns every year.',
      'We guarantee you a return.',
      'Your income is guaranteed.',
      'The yield is assured.',
      'We promise a steady profit.',
    ],
    zh: ['本产品保收益。', '保证收益，安心持有。', '收益有保障。', '承诺收益稳定。', '刚性兑付。'],
  },
  'capital-guarantee': {
    en: [
      'Your capital is fully protected.',
      'A capital-guaranteed fund.',
      'Your money is safe with us.',
      'Principal is guaranteed.',
    ],
    zh: ['本产品保本。', '保证本金安全。', '本金无忧。', '保本保息。'],
  },
  'risk-free': {
    en: [
      'This is risk-free.',
      'A risk free way to save.',
      'There is no risk at all.',
      'It is completely safe.',
      'Zero risk.',
      'A safe investment.',
      'High returns with low risk.',
    ],
    zh: [
      '这是无风险产品。',
      '零风险理财。',
      '没有任何风险。',
      '绝对安全。',
      '万无一失。',
      '高收益低风险。',
      '１００％安全。',
    ],
  },
  'no-loss': {
    en: [
      'You cannot lose.',
      "You can't lose money.",
      'It will never go down.',
      'There is no chance of losing.',
      'Prices only go up.',
      'You can only win.',
    ],
    zh: ['稳赚不赔。', '只赚不赔。', '不会亏损。', '包赚。', '只涨不跌。'],
  },
  superlative: {
    en: [
      'The best product on the market.',
      'This is the best investment you can make.',
      'Number one fund.',
      'An unbeatable offer.',
      'The highest returns around.',
    ],
    zh: ['这是最好的产品。', '最佳选择。', '收益最高。', '业内第一。', '无与伦比。'],
  },
  'future-performance': {
    en: [
      'The fund will definitely rise.',
      'It will double your money.',
      'Markets will recover soon.',
      'Returns are bound to increase.',
      'This will outperform the market.',
    ],
    zh: ['这只基金一定会涨。', '明年必涨。', '收益翻倍。', '未来收益一定可观。', '肯定赚钱。'],
  },
  pressure: {
    en: [
      'Act now!',
      'Buy today before it is gone.',
      'Limited time offer.',
      "Don't miss out.",
      'Hurry, only three places left.',
      'This is your last chance.',
    ],
    zh: ['立即购买！', '机不可失。', '限时优惠。', '不要错过。', '名额有限，先到先得。', '赶紧认购。'],
  },
};

describe('lint: forbidden claims', () => {
  for (const [family, phrases] of Object.entries(CLAIMS) as [ClaimFamily, { en: string[]; zh: string[] }][]) {
    for (const language of ['en', 'zh-CN'] as const) {
      it(`blocks ${family} in ${language}`, () => {
        for (const phrase of language === 'en' ? phrases.en : phrases.zh) {
          const draft = withBody(bond, language, phrase);
          const issues = lintDraft(draft, bond, { language }).filter((i) => i.ruleId === 'forbidden-claim');
          expect(
            issues.map((i) => i.claimFamily),
            phrase,
          ).toContain(family);
          expect(canApprove(issues), phrase).toBe(false);
          const span = issues.find((i) => i.claimFamily === family)!.spans[0]!;
          expect(span.field).toBe('body');
          expect(draft.body.slice(span.start, span.end)).toBe(span.text);
          expect(phrase).toContain(span.text);
        }
      });
    }
  }

  it('lets negated phrases and disclosures through', () => {
    for (const text of [
      'Returns are not guaranteed.',
      'This product is not risk-free.',
      'It is not without risk.',
      'There is no hurry.',
      '本产品不保本。',
      '收益并非无风险。',
      '不承诺保本。',
      'In your best interest we explain the costs.',
      '您可以投保本产品。',
    ]) {
      expect(findClaims(text), text).toEqual([]);
    }
  });

  it("does not count the product record quoted word for word as the draft's own claim", () => {
    const pair = suitablePairs().find((p) => p.product.id === 'DP-SD-12')!;
    const product = {
      ...pair.product,
      descriptionEn: 'Capital protected at maturity by the issuing bank.',
      descriptionZh: '到期时由发行银行保本。',
    };
    const facts = pitchFacts(pair.client, product, latestMarket(), pair.facts.suitability, { today: TODAY });
    for (const language of ['en', 'zh-CN'] as const) {
      const quoted = base(facts, language);
      expect(quoted.body).toContain(language === 'en' ? product.descriptionEn : product.descriptionZh);
      expect(lintDraft(quoted, facts, { language }), language).toEqual([]);
      const own = withBody(facts, language, language === 'en' ? 'Your capital is protected.' : '本产品保本。');
      expect(lintDraft(own, facts, { language }).map((i) => i.claimFamily)).toEqual(['capital-guarantee']);
    }
  });

  it('only warns about capital protection for an insured deposit', () => {
    const savings = factsFor('DP-SAV-01');
    const issues = lintDraft(withBody(savings, 'en', 'Your capital is protected.'), savings, { language: 'en' });
    expect(issues.map((i) => i.severity)).toEqual(['warning']);
    expect(canApprove(issues)).toBe(true);
  });
});

describe('lint: every figure comes from the facts', () => {
  it('accepts the product and market figures in their English and Chinese forms', () => {
    const en = [
      'The range is 2.2% to 3.6%, or 2.2 % to 3.6 per cent.',
      'Annual fee 0.6%, upfront fee 0.8%.',
      'The minimum is 1,000 yuan.',
      'The one-year deposit rate is 1.35%.',
    ];
    for (const text of en) expect(lintDraft(withBody(bond, 'en', text), bond, { language: 'en' }), text).toEqual([]);
    const zh = [
      '预期收益区间为 2.2% 至 3.6%，即百分之二点二至百分之三点六。',
      '全角数字：２．２％至３．６％。',
      '年费率0.6%，认购费率0.8%。',
      '年费率 0.6%。',
      '起购金额 1,000 元。',
      '一年期存款利率为 1.35%。',
    ];
    for (const text of zh)
      expect(lintDraft(withBody(bond, 'zh-CN', text), bond, { language: 'zh-CN' }), text).toEqual([]);
    const td = factsFor('DP-TD-36');
    for (const text of ['A term of 3 years, that is 36 months.', 'Minimum CNY 200,000.'])
      expect(lintDraft(withBody(td, 'en', text), td, { language: 'en' }), text).toEqual([]);
    for (const text of ['期限 3 年，即 36 个月。', '起购金额 20 万元。', '三年期。'])
      expect(lintDraft(withBody(td, 'zh-CN', text), td, { language: 'zh-CN' }), text).toEqual([]);
  });

  it('blocks each wrong figure and points at it', () => {
    const cases: [PitchFacts, 'en' | 'zh-CN', string, string][] = [
      [bond, 'en', 'Expect 4.5% a year.', '4.5%'],
      [bond, 'en', 'Expect around 3% a year.', '3%'],
      [bond, 'en', 'The fee is only 0.5%.', '0.5%'],
      [bond, 'en', 'Invest from CNY 5,000.', '5,000'],
      [bond, 'zh-CN', '年化收益 5%。', '5%'],
      [bond, 'zh-CN', '起购金额 100万。', '100万'],
      [bond, 'zh-CN', '持有 5年 即可。', '5年'],
      [bond, 'zh-CN', '收益百分之四。', '百分之四'],
      [bond, 'zh-CN', '收益，５％。', '５％'],
      [factsFor('DP-TD-36'), 'en', 'Your money is tied up for 5 years.', '5 years'],
      [factsFor('DP-TD-36'), 'en', 'Minimum 1,000,000.', '1,000,000'],
    ];
    for (const [facts, language, text, figure] of cases) {
      const draft = withBody(facts, language, text);
      const issues = lintDraft(draft, facts, { language }).filter((i) => i.ruleId === 'number-not-a-fact');
      expect(issues, text).toHaveLength(1);
      expect(issues[0]!.severity).toBe('blocking');
      const span = issues[0]!.spans[0]!;
      expect(draft.body.slice(span.start, span.end)).toBe(figure);
      expect(issues[0]!.message.zh.length).toBeGreaterThan(0);
    }
  });

  it("does not let the client's own figures into the text", () => {
    const issues = lintDraft(withBody(bond, 'en', 'With assets of 1 million to 5 million you can afford it.'), bond, {
      language: 'en',
    });
    expect(issues.map((i) => i.spans[0]?.text)).toEqual(['1 million', '5 million']);
  });

  it('says when a figure sits inside the range instead of quoting it', () => {
    const issue = lintDraft(withBody(bond, 'en', 'Expect about 3% a year.'), bond, { language: 'en' }).find(
      (i) => i.ruleId === 'number-not-a-fact',
    )!;
    expect(issue.message.en).toContain('inside the product');
  });

  it('checks figures in every field, with the item of list fields', () => {
    const d = base(bond, 'en');
    const draft = { ...d, keyPoints: [...d.keyPoints, '1. Returns of 7%'] };
    const issue = lintDraft(draft, bond, { language: 'en' }).find((i) => i.ruleId === 'number-not-a-fact')!;
    expect(issue.spans[0]).toMatchObject({ field: 'keyPoints', item: d.keyPoints.length, text: '7%' });
  });
});

describe('lint: disclosure, suitability and language', () => {
  it('blocks a draft without the disclosure or the grade, and the repair helper puts both back', () => {
    const d = base(bond, 'en');
    const bare = { ...d, risks: ['Prices can move.'] };
    const issues = lintDraft(bare, bond, { language: 'en' });
    expect(issues.map((i) => i.ruleId).sort()).toEqual(['disclosure-missing', 'risk-grade-missing']);
    expect(canApprove(issues)).toBe(false);
    expect(lintDraft(withRequiredDisclosure(bare, bond, 'en'), bond, { language: 'en' })).toEqual([]);
  });

  it('wants the disclosure in the language of the pitch', () => {
    const d = base(bond, 'zh-CN');
    const english = { ...d, risks: [bond.disclosure.en, bond.gradeStatement.zh] };
    expect(lintDraft(english, bond, { language: 'zh-CN' }).map((i) => i.ruleId)).toContain('disclosure-missing');
  });

  it('blocks an unsuitable product with each failed reason, whatever the text', () => {
    const failed = {
      ...bond.suitability,
      suitable: false,
      checks: [
        ...bond.suitability.checks,
        {
          ruleId: 'risk-class' as const,
          passed: false,
          reason: message('issue.text', {
            text: { en: 'Grade R4 is above class C2', zh: '产品等级 R4 高于客户等级 C2' },
          }),
        },
      ],
    };
    const issues = lintDraft(base(bond, 'en'), bond, { language: 'en', suitability: failed });
    expect(blocking(issues).map((i) => i.ruleId)).toEqual(['product-unsuitable']);
    expect(issues[0]!.message.en).toContain('Grade R4 is above class C2');
    expect(issues[0]!.message.zh).toContain('产品等级 R4');
  });

  it('blocks parts that say nothing: a key point of one full stop, an empty next step', () => {
    const d = base(bond, 'en');
    const issues = lintDraft({ ...d, keyPoints: [...d.keyPoints.slice(0, 1), '.'], nextStep: ' — ' }, bond, {
      language: 'en',
    });
    expect(blocking(issues).map((i) => [i.ruleId, i.spans[0]?.field, i.spans[0]?.item])).toEqual([
      ['empty-text', 'keyPoints', 1],
      ['empty-text', 'nextStep', null],
    ]);
    expect(issues[0]!.message.zh).toContain('没有任何文字');
    expect(canApprove(issues)).toBe(false);
  });

  it('blocks text that repeats itself, as a looping model writes it, in either language', () => {
    const loop = 'The fund pays regular income. The fund pays regular income.';
    const en = lintDraft(withBody(bond, 'en', loop), bond, { language: 'en' });
    expect(blocking(en).map((i) => [i.ruleId, i.spans[0]?.text])).toEqual([
      ['repeated-text', 'The fund pays regular income.'],
    ]);
    const words = 'steady income and low cost, steady income and low cost, steady income and low cost';
    expect(blocking(lintDraft(withBody(bond, 'en', words), bond, { language: 'en' })).map((i) => i.ruleId)).toEqual([
      'repeated-text',
    ]);
    const zh = '稳健收益适合长期持有稳健收益适合长期持有稳健收益适合长期持有';
    expect(blocking(lintDraft(withBody(bond, 'zh-CN', zh), bond, { language: 'zh-CN' })).map((i) => i.ruleId)).toEqual([
      'repeated-text',
    ]);
    const d = base(bond, 'en');
    const twice = lintDraft({ ...d, keyPoints: [d.keyPoints[0]!, d.keyPoints[0]!] }, bond, { language: 'en' });
    expect(blocking(twice).map((i) => [i.ruleId, i.spans[0]?.item])).toEqual([['repeated-text', 1]]);
    // A key point that sums up the body is not a repeat, nor is a figure quoted in two forms.
    expect(lintDraft(base(bond, 'en'), bond, { language: 'en' })).toEqual([]);
  });

  it('blocks prose mostly in the wrong script even with a few words of the right one, in both languages', () => {
    const zh = base(bond, 'zh-CN');
    const latin = lintDraft(
      { ...zh, body: '您好，this bond fund pays regular income and suits a steady, long-term plan for your savings.' },
      bond,
      { language: 'zh-CN' },
    );
    expect(blocking(latin).map((i) => [i.ruleId, i.spans[0]?.field])).toEqual([['language-mismatch', 'body']]);
    expect(latin[0]!.message.en).toContain('not in Simplified Chinese');
    expect(latin[0]!.message.zh.length).toBeGreaterThan(5);
    const en = base(bond, 'en');
    const cjk = lintDraft({ ...en, body: 'Hello, 这只债券基金定期派息，适合稳健的长期储蓄计划。' }, bond, {
      language: 'en',
    });
    expect(blocking(cjk).map((i) => [i.ruleId, i.spans[0]?.field])).toEqual([['language-mismatch', 'body']]);
    expect(cjk[0]!.message.en).toContain('not in English');
    expect(canApprove(cjk)).toBe(false);
  });

  it('blocks a field written in the other language', () => {
    const d = base(bond, 'en');
    const issues = lintDraft({ ...d, nextStep: '如您有意，我们可以在您方便的时候一起查阅产品文件。' }, bond, {
      language: 'en',
    });
    expect(issues.map((i) => [i.ruleId, i.spans[0]?.field])).toEqual([['language-mismatch', 'nextStep']]);
    const zh = base(bond, 'zh-CN');
    expect(
      lintDraft({ ...zh, headline: 'A bond fund for regular income' }, bond, { language: 'zh-CN' }).map(
        (i) => i.ruleId,
      ),
    ).toEqual(['language-mismatch']);
  });
});
