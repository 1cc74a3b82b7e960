import type {
  ClientProfile,
  KnowledgeLevel,
  LiquidityNeed,
  NewClient,
  Objective,
  QuestionnaireResult,
} from '../domain';
import { DEFAULT_QUESTIONNAIRE, scoreQuestionnaire } from '../risk/questionnaire';
import {
  CN_CITIES,
  EN_BRANDS,
  EN_CITIES,
  EN_FIRST,
  EN_LAST,
  OCCUPATIONS,
  SECTORS,
  ZH_BRANDS,
  ZH_GIVEN,
  ZH_SURNAMES,
  ZH_SURNAME_PINYIN,
} from './demo-names';
import { addDays, round, yearsBetween, type Prng } from './prng';

export type DemoClient = NewClient;

const KNOWLEDGE: readonly KnowledgeLevel[] = ['none', 'basic', 'informed', 'advanced'];

function phoneFor(rng: Prng, prefix: string): string {
  const digits = String(rng.int(10_000_000, 99_999_999));
  return `${prefix} ${digits.slice(0, 4)} ${digits.slice(4)}`;
}

/**
 * Answers the default questionnaire the way this client plausibly would: the age band and horizon follow the
 * profile, the attitude answers follow a hidden appetite (-1 cautious … +1 bold) with noise. Scoring through
 * app/risk keeps the stored class consistent with the stored answers.
 */
function answerQuestionnaire(
  rng: Prng,
  p: ClientProfile,
  age: number,
  appetite: number,
  stableIncome: boolean,
  completedAt: string,
): QuestionnaireResult {
  const band = (v: number, options: string[]) => options[Math.max(0, Math.min(options.length - 1, Math.round(v)))]!;
  const lean = (base: number) => base + appetite * 1.6 + rng.normal() * 0.6;
  const answers: Record<string, string> = {
    age: age >= 70 ? 'a' : age >= 60 ? 'b' : age >= 45 ? 'c' : age >= 30 ? 'd' : 'e',
    horizon: p.horizonYears < 1 ? 'a' : p.horizonYears < 3 ? 'b' : p.horizonYears <= 5 ? 'c' : 'd',
    income_stability: stableIncome ? (rng.chance(0.5) ? 'd' : 'c') : rng.chance(0.5) ? 'b' : 'a',
    share_of_assets: band(lean(1.5), ['a', 'b', 'c', 'd']),
    experience: band(KNOWLEDGE.indexOf(p.knowledgeLevel) + rng.normal() * 0.4, ['a', 'b', 'c', 'd']),
    loss_tolerance: band(lean(2), ['a', 'b', 'c', 'd', 'e']),
    reaction: band(lean(1.6), ['a', 'b', 'c', 'd']),
    goal: band(lean(1.6), ['a', 'b', 'c', 'd']),
  };
  const scored = scoreQuestionnaire(DEFAULT_QUESTIONNAIRE, answers);
  if (!scored.ok) throw new Error('demo questionnaire answers are incomplete');
  return {
    questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
    completedAt,
    answers,
    score: scored.score,
    riskClass: scored.riskClass,
  };
}

function individualObjectives(rng: Prng, age: number, dependents: number): Objective[] {
  const pool: Objective[] = ['capital_preservation', 'income', 'growth', 'liquidity', 'protection'];
  if (age >= 45) pool.push('retirement', 'retirement', 'income');
  if (age < 45) pool.push('growth', 'home_purchase');
  if (dependents > 0) pool.push('education', 'protection');
  const chosen = new Set<Objective>();
  const n = rng.int(1, 3);
  while (chosen.size < n) chosen.add(rng.pick(pool));
  return [...chosen];
}

function businessObjectives(rng: Prng): Objective[] {
  const chosen = new Set<Objective>([rng.pick<Objective>(['working_capital', 'business_expansion'])]);
  if (rng.chance(0.5))
    chosen.add(rng.pick<Objective>(['liquidity', 'capital_preservation', 'income', 'working_capital']));
  return [...chosen];
}

function individual(
  rng: Prng,
  index: number,
  id: string,
  today: string,
): { profile: ClientProfile; age: number; stable: boolean } {
  const chinese = rng.chance(0.6);
  const city = rng.pick(chinese ? CN_CITIES : EN_CITIES);
  const age = rng.int(22, 82);
  const occupation =
    age >= 63
      ? OCCUPATIONS.find((o) => o.en === 'Retired')!
      : age < 26 && rng.chance(0.4)
        ? OCCUPATIONS.find((o) => o.en === 'Graduate student')!
        : rng.pick(OCCUPATIONS.filter((o) => o.en !== 'Retired'));
  let displayName: string;
  let emailName: string;
  if (chinese) {
    const surname = rng.pick(ZH_SURNAMES);
    displayName = `${surname}${rng.pick(ZH_GIVEN)}`;
    emailName = `${ZH_SURNAME_PINYIN[surname] ?? 'client'}${index}`;
  } else {
    const first = rng.pick(EN_FIRST);
    const last = rng.pick(EN_LAST);
    displayName = `${first} ${last}`;
    emailName = `${first}.${last}${index}`.toLowerCase();
  }
  const income = round(occupation.income * Math.exp(rng.normal() * 0.35), 1000);
  const wealthYears = Math.max(1, age - 22);
  const investable = round(income * (0.15 + rng.next() * 0.4) * wealthYears * 0.6 * Math.exp(rng.normal() * 0.5), 1000);
  const property = rng.chance(age > 30 ? 0.65 : 0.2) ? round(income * rng.int(6, 15), 10_000) : 0;
  const liabilities =
    property > 0 && age < 60
      ? round(property * (0.2 + rng.next() * 0.5), 1000)
      : rng.chance(0.2)
        ? round(income * 0.3, 1000)
        : 0;
  const dependents = age >= 28 && age <= 60 ? rng.int(0, 3) : 0;
  const knowledge =
    KNOWLEDGE[
      Math.min(3, Math.max(0, Math.round((age - 22) / 25 + rng.normal() * 0.9 + (income > 300_000 ? 0.8 : 0))))
    ]!;
  const liquidityNeed: LiquidityNeed =
    dependents >= 2 || income < 100_000 ? rng.pick(['medium', 'high']) : rng.pick(['low', 'medium', 'medium']);
  const horizon = age >= 70 ? rng.int(1, 3) : age >= 55 ? rng.int(2, 8) : rng.int(1, 25);
  const profile: ClientProfile = {
    kind: 'individual',
    displayName,
    language: chinese ? 'zh-CN' : rng.chance(0.85) ? 'en' : 'zh-CN',
    email: rng.chance(0.9) ? `${emailName}@example.${chinese ? 'cn' : 'com'}` : null,
    phone: phoneFor(rng, city.phonePrefix),
    city: chinese ? city.zh : city.en,
    birthDate: addDays(today, -Math.round((age + rng.next()) * 365.25)),
    foundedDate: null,
    occupation: chinese ? occupation.zh : occupation.en,
    sector: null,
    employees: null,
    annualIncome: income,
    annualRevenue: null,
    monthlyExpenses: round((income / 12) * (0.35 + rng.next() * 0.35), 100),
    investableAssets: investable,
    totalAssets: investable + property + round(income * 0.2, 1000),
    liabilities,
    monthlyDebtPayments: liabilities > 0 ? round(liabilities / 180, 100) : 0,
    dependents,
    creditScore: Math.max(300, Math.min(900, Math.round(680 + rng.normal() * 70 + (income > 300_000 ? 30 : 0)))),
    creditRating: null,
    objectives: individualObjectives(rng, age, dependents),
    horizonYears: horizon,
    liquidityNeed,
    knowledgeLevel: knowledge,
    experienceYears: Math.max(0, Math.min(age - 20, Math.round(KNOWLEDGE.indexOf(knowledge) * 5 + rng.normal() * 3))),
    complexProductExperience: knowledge === 'advanced' || (knowledge === 'informed' && rng.chance(0.3)),
    professionalInvestor: investable > 5_000_000 && knowledge === 'advanced' && rng.chance(0.5),
    sustainabilityPreference: rng.chance(0.3) ? null : rng.chance(0.35),
    kycReviewedAt: null,
    notes: '',
    customAttributes: {
      segment: investable > 3_000_000 ? 'private' : investable > 600_000 ? 'priority' : 'mass',
      branch: `BR-${rng.int(1, 6)}`,
    },
  };
  return { profile, age, stable: occupation.stable };
}

function business(rng: Prng, index: number, today: string): { profile: ClientProfile; age: number; stable: boolean } {
  const chinese = rng.chance(0.65);
  const city = rng.pick(chinese ? CN_CITIES : EN_CITIES);
  const sector = rng.pick(SECTORS);
  const yearsTrading = rng.int(1, 25);
  const employees = Math.max(2, Math.round(Math.exp(2 + rng.next() * 3)));
  const revenue = round(employees * sector.revenuePerHead * Math.exp(rng.normal() * 0.3), 10_000);
  const displayName = chinese
    ? `${city.zh}市${rng.pick(ZH_BRANDS)}${sector.zh}有限公司`
    : `${rng.pick(EN_BRANDS)} ${sector.en} Ltd`;
  const investable = round(revenue * (0.03 + rng.next() * 0.12), 10_000);
  const liabilities = round(revenue * rng.next() * 0.5, 10_000);
  const rating = (['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC'] as const)[
    Math.min(6, Math.max(0, Math.round(3.5 - yearsTrading / 10 + rng.normal() * 1.1)))
  ]!;
  const profile: ClientProfile = {
    kind: 'business',
    displayName,
    language: chinese ? 'zh-CN' : 'en',
    email: `finance${index}@${chinese ? 'example.cn' : 'example.com'}`,
    phone: phoneFor(rng, city.phonePrefix),
    city: chinese ? city.zh : city.en,
    birthDate: null,
    foundedDate: addDays(today, -Math.round((yearsTrading + rng.next()) * 365.25)),
    occupation: null,
    sector: sector.key,
    employees,
    annualIncome: null,
    annualRevenue: revenue,
    monthlyExpenses: round((revenue / 12) * (0.7 + rng.next() * 0.25), 1000),
    investableAssets: investable,
    totalAssets: investable + round(revenue * (0.3 + rng.next() * 0.6), 10_000),
    liabilities,
    monthlyDebtPayments: round(liabilities / 60, 100),
    dependents: 0,
    creditScore: null,
    creditRating: rating,
    objectives: businessObjectives(rng),
    horizonYears: rng.int(1, 5),
    liquidityNeed: rng.pick(['medium', 'high', 'high']),
    knowledgeLevel: rng.pick(['basic', 'informed', 'informed', 'advanced']),
    experienceYears: Math.min(yearsTrading, rng.int(1, 15)),
    complexProductExperience: rng.chance(0.25),
    professionalInvestor: false,
    sustainabilityPreference: rng.chance(0.5) ? null : rng.chance(0.4),
    kycReviewedAt: null,
    notes: '',
    customAttributes: { segment: revenue > 50_000_000 ? 'commercial' : 'sme', branch: `BR-${rng.int(1, 6)}` },
  };
  return { profile, age: 40, stable: yearsTrading >= 3 };
}

/**
 * One client. About one in eight has KYC older than a year (stale: no recommendation until refreshed),
 * one in twenty never completed the questionnaire (no risk class yet).
 */
export function generateClient(
  rng: Prng,
  index: number,
  idPrefix: string,
  today: string,
  businessShare = 0.25,
): DemoClient {
  const id = `${idPrefix}${String(index).padStart(idPrefix === 'CL-' ? 4 : 6, '0')}`;
  const made = rng.chance(businessShare) ? business(rng, index, today) : individual(rng, index, id, today);
  const createdAt = `${addDays(today, -rng.int(400, 2500))}T0${rng.int(1, 8)}:${String(rng.int(10, 59))}:00.000Z`;
  const stale = rng.chance(0.12);
  const kycDate = stale ? addDays(today, -rng.int(400, 900)) : addDays(today, -rng.int(5, 330));
  made.profile.kycReviewedAt = rng.chance(0.02) ? null : kycDate;
  const appetite = Math.max(-1, Math.min(1, rng.normal() * 0.6 - (made.age - 45) / 60));
  const questionnaire = rng.chance(0.05)
    ? null
    : answerQuestionnaire(rng, made.profile, made.age, appetite, made.stable, `${kycDate}T10:00:00.000Z`);
  made.profile.notes = noteFor(rng, made.profile);
  const updatedAt = [createdAt, questionnaire?.completedAt ?? ''].sort().at(-1)!;
  return {
    id,
    profile: made.profile,
    riskClass: questionnaire?.riskClass ?? null,
    questionnaire,
    createdAt,
    updatedAt,
  };
}

function noteFor(rng: Prng, p: ClientProfile): string {
  const zh = p.language === 'zh-CN';
  const notes =
    p.kind === 'business'
      ? zh
        ? ['旺季前需要补充流动资金。', '计划明年购置新设备。', '希望缩短应收账款回款周期。', '']
        : [
            'Needs working capital before the peak season.',
            'Plans to buy new equipment next year.',
            'Wants faster collection of receivables.',
            '',
          ]
      : zh
        ? ['孩子明年上大学。', '关注养老规划。', '不喜欢锁定期长的产品。', '对股市波动比较敏感。', '']
        : [
            'Daughter starts university next year.',
            'Thinking about retirement income.',
            'Dislikes long lock-ups.',
            'Nervous about stock market swings.',
            '',
          ];
  return rng.pick(notes);
}

export function clientAge(profile: ClientProfile, today: string): number {
  return profile.birthDate ? Math.floor(yearsBetween(profile.birthDate, today)) : 40;
}
