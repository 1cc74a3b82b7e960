import { describe, expect, it } from 'vitest';
import { recordedText } from '../../../../app/domain/localized-text';
import { checkOf, holding, individual, run, ruleSetWith, shown } from './suitability-fixtures';

describe('knowledge and experience for complex products', () => {
  it('refuses a structured deposit to a client with basic knowledge and no complex-product history, naming both figures', () => {
    const r = run(
      individual({ knowledgeLevel: 'basic', complexProductExperience: false, experienceYears: 1 }),
      'DP-SD-12',
    );
    const check = checkOf(r, 'complex-product-knowledge');
    expect(check.passed).toBe(false);
    expect(recordedText(check.reason).en).toBe(
      'Complex product: knowledge "basic" (needs "informed" or more), 1 year of experience (needs 3 or prior complex products), has not held complex products before',
    );
    expect(recordedText(check.reason).zh).toContain('投资经验 1 年（要求 3 年或有复杂产品经验）');
  });

  it('accepts enough years of investing in place of prior complex products, and skips simple products', () => {
    expect(
      checkOf(
        run(individual({ complexProductExperience: false, experienceYears: 3 }), 'DP-SD-12'),
        'complex-product-knowledge',
      ).passed,
    ).toBe(true);
    expect(run(individual(), 'FD-BD-01').checks.map((c) => c.ruleId)).not.toContain('complex-product-knowledge');
  });
});

describe('horizon and liquidity', () => {
  it('refuses a 36-month certificate to a client with a 2-year horizon', () => {
    const check = checkOf(run(individual({ horizonYears: 2 }), 'DP-TD-36'), 'horizon-term');
    expect(check.passed).toBe(false);
    expect(recordedText(check.reason).en).toBe(
      "Money is committed for 36 months; the client's horizon is 2 years (24 months), which is shorter",
    );
    expect(recordedText(check.reason).zh).toBe('资金占用期限为 36 个月；客户投资期限为 2 年（24 个月），短于产品期限');
  });

  it('does not count the term of a bond that can be sold any day', () => {
    expect(checkOf(run(individual({ horizonYears: 1 }), 'SC-GB-10'), 'horizon-term').passed).toBe(true);
  });

  it('refuses a one-year deposit to a client with high liquidity needs, and allows it for low needs', () => {
    const check = checkOf(run(individual({ liquidityNeed: 'high' }), 'DP-TD-12'), 'liquidity-redemption');
    expect(check.passed).toBe(false);
    expect(recordedText(check.reason).en).toBe(
      'Money back after 12 months (redemption at maturity); a client with high liquidity needs accepts at most 1 month',
    );
    expect(recordedText(check.reason).zh).toBe('资金约 12 个月后可取回（到期赎回）；流动性需求高的客户最多接受 1 个月');
    expect(checkOf(run(individual({ liquidityNeed: 'low' }), 'DP-TD-12'), 'liquidity-redemption').passed).toBe(true);
  });
});

describe('emergency reserve and minimum investment', () => {
  it('refuses when the minimum would eat into six months of expenses', () => {
    const check = checkOf(run(individual({ investableAssets: 150_000 }), 'SC-CB-01'), 'emergency-reserve');
    expect(check.passed).toBe(false);
    expect(recordedText(check.reason).en).toBe(
      "Investable assets CNY 150,000 less the minimum CNY 100,000 leave CNY 50,000; the reserve of 6 months' expenses is CNY 60,000",
    );
    expect(recordedText(check.reason).zh).toBe(
      '可投资资产 150,000 元 扣除起投金额 100,000 元 后剩余 50,000 元；6 个月支出的应急储备为 60,000 元',
    );
  });

  it('passes when enough is left, and treats an instant-access R1 fund as the reserve itself', () => {
    expect(checkOf(run(individual({ investableAssets: 160_000 }), 'SC-CB-01'), 'emergency-reserve').passed).toBe(true);
    expect(checkOf(run(individual({ investableAssets: 0 }), 'FD-MM-01'), 'emergency-reserve').passed).toBe(true);
  });

  it('refuses a minimum above investable assets', () => {
    const check = checkOf(run(individual({ investableAssets: 80_000 }), 'SC-CB-01'), 'minimum-investment');
    expect(shown(check)).toMatchObject({
      passed: false,
      reason: {
        en: 'Minimum investment CNY 100,000 exceeds investable assets CNY 80,000',
        zh: '起投金额 100,000 元 超过可投资资产 80,000 元',
      },
    });
    expect(checkOf(run(individual({ investableAssets: 100_000 }), 'SC-CB-01'), 'minimum-investment').passed).toBe(true);
  });
});

describe('concentration and products already held', () => {
  it('counts existing holdings plus the minimum against the per-product limit', () => {
    const within = checkOf(
      run(individual(), 'FD-BD-01', { holdings: [holding('FD-BD-01', 350_000)] }),
      'concentration',
    );
    expect(within.passed).toBe(true);
    const over = checkOf(run(individual(), 'FD-BD-01', { holdings: [holding('FD-BD-01', 450_000)] }), 'concentration');
    expect(over.passed).toBe(false);
    expect(recordedText(over.reason).en).toContain(
      'Holding CNY 450,000 plus the minimum CNY 1,000 makes this product 45.1% of CNY 1,000,000 (limit 40%)',
    );
    expect(recordedText(over.reason).zh).toContain('本产品占 1,000,000 元 的 45.1%（上限 40%）');
  });

  it('counts other products of the same category against the category limit, and ignores other clients', () => {
    const holdings = [
      holding('FD-BD-02', 350_000),
      holding('FD-BD-01', 300_000),
      holding('FD-BD-02', 900_000, 'CL-OTHER'),
    ];
    const check = checkOf(run(individual(), 'FD-BD-01', { holdings }), 'concentration');
    expect(check.passed).toBe(false);
    expect(recordedText(check.reason).en).toContain('the bond fund category would be 65.1% (limit 60%)');
    // Categories are named, never shown as internal codes, in both languages.
    expect(recordedText(check.reason).zh).toContain('债券基金类合计占');
  });

  it('exempts insured deposits', () => {
    expect(
      checkOf(run(individual(), 'DP-TD-12', { holdings: [holding('DP-TD-12', 990_000)] }), 'concentration').passed,
    ).toBe(true);
  });

  it('refuses a second policy of a product held once, with the date it was taken', () => {
    const check = checkOf(run(individual(), 'IN-TL-20', { holdings: [holding('IN-TL-20', 500_000)] }), 'already-held');
    expect(shown(check)).toMatchObject({
      passed: false,
      reason: { en: 'Already held since 2024-03-01; a term life product is held at most once' },
    });
    expect(recordedText(check.reason).zh).toContain('2024-03-01');
    expect(checkOf(run(individual(), 'IN-TL-20'), 'already-held').passed).toBe(true);
  });

  it('follows the rule set: a lower per-product limit refuses what the default allows', () => {
    const tight = ruleSetWith((s) => {
      s.rules.concentration.maxSharePerProduct = 0.3;
    });
    expect(
      checkOf(
        run(individual(), 'FD-BD-01', { holdings: [holding('FD-BD-01', 350_000)], ruleSet: tight }),
        'concentration',
      ).passed,
    ).toBe(false);
  });
});
