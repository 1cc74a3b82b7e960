import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../app/domain/client';
import type { MarketSnapshot } from '../../../../app/domain/market';
import type { Product } from '../../../../app/domain/product';
import type { ClientRanking, ExcludedProduct, RankedProduct } from '../../../../app/domain/ranking';
import { demoProducts } from '../../../../app/demo/demo-data';
import { message, translate } from '../../../../app/messages';
import type { Language } from '../../../../app/messages/language';
import type { InteractionWithProduct } from '../../../../app/ports/records';
import {
  assembleMeetingPack,
  maturityOf,
  type MeetingPackData,
  type MeetingPackInput,
  type PackHolding,
  type PackPitch,
} from '../../../../app/use-cases/meeting-pack';
import { profile } from '../../../fixtures/client-profile';

const NOW = '2026-11-28T09:00:00.000Z';
const CATALOG = demoProducts('2026-11-28');
const byFamily = (family: Product['family']) => CATALOG.filter((p) => p.family === family);

function client(overrides: Partial<Client> = {}): Client {
  return {
    ...profile({ displayName: 'Alice Gordon', kycReviewedAt: '2026-06-01', sustainabilityPreference: true }),
    id: 'CL-0001',
    riskClass: 'C3',
    questionnaire: {
      questionnaireVersion: 'q1',
      completedAt: '2026-06-01T10:00:00.000Z',
      answers: {},
      score: 20,
      riskClass: 'C3',
    },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2026-06-01T00:00:00.000Z',
    revision: 1,
    ...overrides,
  };
}

const head = (p: Product) => ({
  productId: p.id,
  nameEn: p.nameEn,
  nameZh: p.nameZh,
  family: p.family,
  category: p.category,
  riskGrade: p.riskGrade,
});

function ranked(products: Product[]): RankedProduct[] {
  return products.map((p, i) => ({
    ...head(p),
    rank: i + 1,
    probability: 0.6 - i * 0.05,
    reasons: [
      { group: 'objective', text: message('reason.objective.up', { objective: 'income' }), logOdds: 0.4 },
      { group: 'risk', text: message('reason.objective.up', { objective: 'income' }), logOdds: -0.2 },
    ],
    movedForDiversity: false,
    deviation: false,
  }));
}

function excluded(products: Product[], ruleId: ExcludedProduct['failed'][number]['ruleId']): ExcludedProduct[] {
  return products.map((p) => ({
    ...head(p),
    failed: [{ ruleId, passed: false, reason: message('suit.kyc.blocked') }],
  }));
}

const market: MarketSnapshot = {
  asOf: '2026-11-27',
  policyRate: 1.5,
  depositRate1y: 1.35,
  inflation: 0.8,
  equityIndex: 3091,
  equityTrend3m: -2.5,
  bondYield10y: 2.12,
  regulatoryFlags: [],
  indicators: {},
};

function input(overrides: Partial<MeetingPackInput> = {}): MeetingPackInput {
  const deposits = byFamily('deposit');
  const funds = byFamily('fund');
  const business = byFamily('business_finance');
  const ranking: ClientRanking = {
    clientId: 'CL-0001',
    at: NOW,
    modelVersion: 1,
    ruleSet: { id: 'default', version: 1 },
    languageModel: null,
    ranked: ranked([...deposits.slice(0, 2), ...funds.slice(0, 3)]),
    excluded: [...excluded(business, 'client-kind'), ...excluded(funds.slice(3, 5), 'risk-class')],
    impressionId: null,
  };
  return {
    client: client(),
    holdings: [],
    ranking,
    products: CATALOG,
    pitches: [],
    interactions: [],
    market,
    meeting: null,
    language: 'en',
    now: NOW,
    ...overrides,
  };
}

const allText = (pack: MeetingPackData): string => JSON.stringify(pack);

describe('meeting pack assembly', () => {
  it('has every section with its heading in the pack’s language', () => {
    for (const language of ['en', 'zh-CN'] as Language[]) {
      const pack = assembleMeetingPack(input({ language }));
      expect(Object.values(pack.headings)).toEqual([
        translate(language, 'pack.section.profile'),
        translate(language, 'pack.section.holdings'),
        translate(language, 'pack.section.market'),
        translate(language, 'pack.section.products'),
        translate(language, 'pack.section.excluded'),
        translate(language, 'pack.section.questions'),
      ]);
      expect(pack.title).toContain('Alice Gordon');
      expect(pack.profile.kycState).toBe('valid');
      expect(pack.market.rows.length).toBeGreaterThan(3);
      expect(pack.products.items).toHaveLength(3);
    }
  });

  it('lists the top products with score, reasons that raised it, and the disclosure of each', () => {
    const { products } = assembleMeetingPack(input());
    const [first] = products.items;
    const record = CATALOG.find((p) => p.id === first!.productId)!;
    expect(first!.heading).toContain(record.nameEn);
    expect(first!.heading).toContain('60%');
    expect(first!.reasons).toContain(translate('en', 'reason.objective.up', { objective: 'income' }));
    expect(first!.disclosure).toContain(record.riskDisclosureEn.trim().slice(0, 20));
    expect(first!.noPitch).toBe(translate('en', 'pack.products.noPitch'));
  });

  it('shows each pitch with its review status, and the approved version before a later draft', () => {
    const ranking = input().ranking!;
    const [a, b, c] = ranking.ranked.map((p) => p.productId);
    const content = (headline: string) => ({ headline, body: 'Body', keyPoints: [], risks: [], nextStep: '' });
    const pitches: PackPitch[] = [
      { productId: a!, language: 'en', status: 'draft', version: 3, content: content('Later draft') },
      { productId: a!, language: 'en', status: 'approved', version: 2, content: content('Approved text') },
      { productId: b!, language: 'en', status: 'awaiting-review', version: 1, content: content('Waiting') },
      { productId: c!, language: 'zh-CN', status: 'draft', version: 1, content: content('中文') },
    ];
    const { products, questions } = assembleMeetingPack(input({ pitches }));
    expect(products.items[0]!.pitch!.content.headline).toBe('Approved text');
    expect(products.items[0]!.pitch!.statusText).toContain(translate('en', 'pack.status.approved', { version: 2 }));
    expect(products.items[1]!.pitch!.statusText).toContain(translate('en', 'pack.status.awaiting', { version: 1 }));
    expect(products.items[2]!.pitch).toBeNull();
    expect(products.items[2]!.noPitch).toBe(
      translate('en', 'pack.products.pitchOtherLanguage', { language: translate('en', 'language.zh-CN') }),
    );
    expect(questions).toContain(translate('en', 'pack.q.awaitingReview', { count: 1 }));
  });

  it('groups the products not offered by rule with counts, instead of a line per product', () => {
    const pack = assembleMeetingPack(input());
    const business = byFamily('business_finance').length;
    expect(pack.excluded.total).toBe(business + 2);
    expect(pack.excluded.groups.map((g) => [g.ruleId, g.count])).toEqual([
      ['client-kind', business],
      ['risk-class', 2],
    ]);
    expect(pack.excluded.groups[0]!.text).toContain(
      translate('en', 'pack.excluded.group', { rule: translate('en', 'pack.rule.client-kind'), count: business }),
    );
    // A few names stand for the rest of the group.
    expect(pack.excluded.groups[0]!.examples).toContain(`and ${business - 3} more`);
  });

  it('asks nothing a complete, current file already answers', () => {
    expect(assembleMeetingPack(input()).questions).toEqual([]);
  });

  it('derives its questions from the gaps: expired KYC, no questionnaire, no objectives, missing facts', () => {
    const gaps = client({
      kycReviewedAt: '2025-01-10',
      questionnaire: null,
      riskClass: null,
      objectives: [],
      annualIncome: null,
      sustainabilityPreference: null,
    });
    const pack = assembleMeetingPack(input({ client: gaps, ranking: { ...input().ranking!, ranked: [] } }));
    expect(pack.profile.kycState).toBe('stale');
    expect(pack.questions).toEqual([
      translate('en', 'pack.q.kycStale', { until: '2026-01-10' }),
      translate('en', 'pack.q.questionnaireNone'),
      translate('en', 'pack.q.objectives'),
      translate('en', 'pack.q.missing', { fields: translate('en', 'field.annualIncome') }),
      translate('en', 'pack.q.sustainability'),
    ]);
    expect(pack.products.empty).toBe(translate('en', 'pack.products.kycBlocked'));
  });

  it('warns of a KYC about to expire and an old questionnaire', () => {
    const pack = assembleMeetingPack(
      input({
        client: client({
          kycReviewedAt: '2025-12-15',
          questionnaire: { ...client().questionnaire!, completedAt: '2025-05-01T00:00:00.000Z' },
        }),
      }),
    );
    expect(pack.profile.kycState).toBe('expiring');
    expect(pack.questions).toEqual([
      translate('en', 'pack.q.kycExpiring', { until: '2026-12-15' }),
      translate('en', 'pack.q.questionnaireOld', { date: '2025-05-01', months: 18 }),
    ]);
  });

  it('asks about a holding that matures soon and interest the client showed, but not in products for others', () => {
    const deposit = byFamily('deposit').find((p) => p.termMonths === 12)!;
    const fund = byFamily('fund')[5]!;
    const loan = byFamily('business_finance')[0]!;
    // Excluded by the risk class in input()'s ranking.
    const risky = byFamily('fund')[3]!;
    const holding: PackHolding = {
      id: 'H1',
      clientId: 'CL-0001',
      productId: deposit.id,
      amount: 250_000,
      acquiredOn: '2025-12-20',
      productNameEn: deposit.nameEn,
      productNameZh: deposit.nameZh,
      family: deposit.family,
      currency: deposit.currency,
      termMonths: 12,
    };
    const reaction = (p: Product, at: string): InteractionWithProduct => ({
      id: `I-${p.id}`,
      clientId: 'CL-0001',
      productId: p.id,
      occurredAt: at,
      channel: 'meeting',
      policy: 'model',
      score: null,
      outcome: 'interested',
      advisorId: 'a',
      note: '',
      productNameEn: p.nameEn,
      productNameZh: p.nameZh,
    });
    const pack = assembleMeetingPack(
      input({
        holdings: [holding],
        interactions: [
          reaction(fund, '2026-10-01T10:00:00.000Z'),
          reaction(loan, '2026-09-01T10:00:00.000Z'),
          reaction(risky, '2026-08-01T10:00:00.000Z'),
        ],
      }),
    );
    expect(pack.questions).toEqual([
      translate('en', 'pack.q.maturity', { product: deposit.nameEn, date: '2026-12-20', amount: 'CNY 250,000' }),
      translate('en', 'pack.q.interest', { product: fund.nameEn, date: '2026-10-01' }),
      translate('en', 'pack.q.interestExcluded', {
        product: risky.nameEn,
        date: '2026-08-01',
        rule: translate('en', 'pack.rule.risk-class'),
      }),
    ]);
    expect(pack.holdings.rows[0]).toEqual([deposit.nameEn, 'Deposits', 'CNY 250,000', '2025-12-20', '2026-12-20']);
  });

  it('rolls a renewed term deposit on to its next maturity rather than printing a past date', () => {
    expect(maturityOf({ acquiredOn: '2023-05-03', termMonths: 12 }, '2026-11-28')).toBe('2027-05-03');
    expect(maturityOf({ acquiredOn: '2026-10-01', termMonths: 3 }, '2026-11-28')).toBe('2027-01-01');
    expect(maturityOf({ acquiredOn: '2026-10-01', termMonths: null }, '2026-11-28')).toBeNull();
  });

  it('writes every amount of money with its currency, in both languages', () => {
    const usd = CATALOG.find((p) => p.currency === 'USD')!;
    const holding = (p: Product, amount: number): PackHolding => ({
      id: `H-${p.id}`,
      clientId: 'CL-0001',
      productId: p.id,
      amount,
      acquiredOn: '2024-01-15',
      productNameEn: p.nameEn,
      productNameZh: p.nameZh,
      family: p.family,
      currency: p.currency,
      termMonths: p.termMonths,
    });
    for (const language of ['en', 'zh-CN'] as Language[]) {
      const pack = assembleMeetingPack(
        input({ language, holdings: [holding(usd, 528_000), holding(byFamily('deposit')[0]!, 454_000)] }),
      );
      const amounts = [
        ...pack.profile.rows.filter(([label]) => /assets|income|Liabilit|资产|收入|负债/.test(label)).map(([, v]) => v),
        ...pack.holdings.rows.map((r) => r[2]!),
        pack.holdings.total!,
        ...pack.products.items.flatMap((p) => (p.minimum ? [p.minimum] : [])),
      ];
      expect(amounts.length).toBeGreaterThan(5);
      const currency = language === 'en' ? /\b(CNY|USD) [\d,]+/ : /[\d,.]+ ?(万)?(元|美元)/;
      for (const amount of amounts) expect(amount).toMatch(currency);
      expect(pack.holdings.total).toMatch(language === 'en' ? /CNY .*USD/ : /元.*美元/);
      // Nothing left unfilled, no "undefined", "NaN" or a zero minimum.
      const text = allText(pack);
      expect(text).not.toMatch(/\{[a-z]+\}|undefined|NaN|Minimum CNY 0\b/);
    }
  });

  it('shows the meeting’s time in the advisor’s zone, with where and why', () => {
    const pack = assembleMeetingPack(
      input({
        meeting: {
          id: 'M1',
          clientId: 'CL-0001',
          clientName: 'Alice Gordon',
          startsAt: '2026-11-30T02:00:00.000Z',
          durationMinutes: 60,
          location: 'branch',
          locationNote: 'Room 3',
          purpose: 'annual-review',
          purposeNote: '',
          status: 'scheduled',
          advisorId: 'a',
        },
        timeZone: 'Asia/Shanghai',
      }),
    );
    expect(pack.subtitle).toContain('2026-11-30 10:00');
    expect(pack.subtitle).toContain('Branch office (Room 3)');
    expect(pack.subtitle).toContain('Annual review');
  });
});
