import { describe, expect, it } from 'vitest';
import { recordedText } from '../../../../app/domain/localized-text';
import { business, checkOf, individual, run, ruleSetWith, shown } from './suitability-fixtures';

describe('KYC: stale or incomplete means nothing is suitable', () => {
  it('refuses even a savings account when KYC is older than the limit, naming date and months', () => {
    const r = run(individual({ kycReviewedAt: '2024-06-01' }), 'DP-SAV-01');
    expect(r.suitable).toBe(false);
    expect(recordedText(checkOf(r, 'kyc-current').reason).en).toBe(
      'KYC reviewed 2024-06-01, 19 months ago (limit 12 months); no product can be recommended until KYC is refreshed',
    );
    expect(recordedText(checkOf(r, 'kyc-current').reason).zh).toBe(
      'KYC 复核于 2024-06-01，距今 19 个月（上限 12 个月）；KYC 更新前不能推荐任何产品',
    );
  });

  it('refuses when required facts are missing or KYC was never done, and passes when current', () => {
    const missing = checkOf(run(individual({ monthlyExpenses: null }), 'DP-SAV-01'), 'kyc-current');
    expect(missing.passed).toBe(false);
    expect(recordedText(missing.reason).en).toContain('missing Monthly expenses');
    expect(recordedText(missing.reason).zh).toContain('缺少月支出');
    expect(
      recordedText(checkOf(run(individual({ kycReviewedAt: null }), 'DP-SAV-01'), 'kyc-current').reason).en,
    ).toContain('never been reviewed');
    expect(shown(checkOf(run(individual(), 'DP-SAV-01'), 'kyc-current'))).toMatchObject({
      passed: true,
      reason: { en: 'KYC reviewed 2025-10-01, 3 months ago (limit 12 months)' },
    });
  });

  it('follows the rule set for the KYC age limit', () => {
    const strict = ruleSetWith((s) => {
      s.rules.kyc.maxAgeMonths = 2;
    });
    expect(run(individual(), 'DP-SAV-01', { ruleSet: strict }).suitable).toBe(false);
  });
});

describe('client kind and age', () => {
  it('refuses a business loan to an individual', () => {
    const check = checkOf(run(individual(), 'BF-WC-01'), 'client-kind');
    expect(shown(check)).toMatchObject({
      passed: false,
      reason: {
        en: 'Product is for business clients; this client is an individual',
        zh: '本产品面向企业客户；该客户为个人客户',
      },
    });
  });

  it('refuses a product outside its age band', () => {
    const check = checkOf(run(individual({ birthDate: '1950-03-01' }), 'IN-TL-20'), 'product-age-limits');
    expect(shown(check)).toMatchObject({
      passed: false,
      reason: { en: 'Client is 75; the product is for ages 18–55', zh: '客户 75 岁；本产品适用年龄 18–55 岁' },
    });
  });

  it('refuses a long lock-up that would end after the age ceiling', () => {
    const set = ruleSetWith((s) => {
      s.rules.age.maxAgeAtLockupEnd = 62;
    });
    const check = checkOf(
      run(individual({ birthDate: '1965-06-01' }), 'DP-TD-36', { ruleSet: set }),
      'lockup-age-limit',
    );
    expect(check.passed).toBe(false);
    expect(recordedText(check.reason).en).toBe(
      'Client is 60; after the 36-month commitment they would be 63 (limit 62)',
    );
    expect(recordedText(check.reason).zh).toBe('客户 60 岁；36 个月资金占用结束时将为 63 岁（上限 62 岁）');
  });
});

describe('credit: affordability and credit score, not risk class', () => {
  it('counts the new repayment in debt-to-income and names payments, income and limit', () => {
    const ok = checkOf(
      run(individual({ annualIncome: 120_000, monthlyDebtPayments: 4_000 }), 'CC-PL-01'),
      'credit-debt-to-income',
    );
    expect(ok.passed).toBe(true);
    const over = checkOf(
      run(individual({ annualIncome: 120_000, monthlyDebtPayments: 5_000 }), 'CC-PL-01'),
      'credit-debt-to-income',
    );
    expect(over.passed).toBe(false);
    expect(recordedText(over.reason).en).toBe(
      'Debt payments CNY 5,000 a month plus CNY 322 for the minimum loan of CNY 10,000 are 53.2% of income CNY 120,000 a year (limit 45%)',
    );
    expect(recordedText(over.reason).zh).toBe(
      '每月还款 5,000 元 加上起贷金额 10,000 元 的月供 322 元，占年收入 120,000 元 的 53.2%（上限 45%）',
    );
  });

  it('uses the stricter product credit score and refuses below it', () => {
    const check = checkOf(run(individual({ creditScore: 650 }), 'CC-CD-02'), 'credit-score');
    expect(shown(check)).toMatchObject({
      passed: false,
      reason: { en: 'Credit score 650 (needs 700 or more)', zh: '信用评分 650 分（要求不低于 700 分）' },
    });
    expect(checkOf(run(individual({ creditScore: 700 }), 'CC-CD-02'), 'credit-score').passed).toBe(true);
  });

  it('lets a client without a risk class borrow when affordable', () => {
    expect(run(individual({}, null), 'CC-CD-01').suitable).toBe(true);
  });
});

describe('small businesses', () => {
  it('passes a well-established business for a working-capital loan', () => {
    const r = run(business(), 'BF-WC-01');
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
    expect(r.suitable).toBe(true);
  });

  it('refuses on years trading, revenue, rating and sector, each with its figures', () => {
    const r = run(
      business({ foundedDate: '2024-09-01', annualRevenue: 1_500_000, creditRating: 'B', sector: 'gambling' }),
      'BF-WC-01',
    );
    expect(recordedText(checkOf(r, 'business-years-trading').reason).en).toBe(
      'Trading for 1 year since 2024-09-01 (needs 2)',
    );
    expect(recordedText(checkOf(r, 'business-revenue').reason)).toEqual({
      en: 'Annual revenue CNY 1,500,000 (needs CNY 2,000,000)',
      zh: '年营业收入 1,500,000 元（要求 2,000,000 元）',
    });
    expect(recordedText(checkOf(r, 'business-credit-rating').reason).en).toBe('Credit rating B (needs BB or better)');
    expect(shown(checkOf(r, 'business-sector'))).toMatchObject({
      passed: false,
      reason: { en: 'Sector "gambling" is excluded (excluded: gambling, weapons)' },
    });
    expect(r.checks.filter((c) => !c.passed).map((c) => c.ruleId)).toEqual([
      'business-years-trading',
      'business-revenue',
      'business-credit-rating',
      'business-sector',
    ]);
  });
});
