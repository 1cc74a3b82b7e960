import type { InteractionWithProduct } from '../ports/records';
import { addDays } from '../meetings/day-range';
import { monthsBetween } from '../suitability/suitability-facts';
import type { MeetingPackInput, PackText, kycStatus } from './meeting-pack';
import { fieldName, maturityOf, MATURITY_DAYS } from './meeting-pack';

/** How far back interest the client showed still makes a question. */
const INTEREST_DAYS = 365;
const INTEREST_QUESTIONS = 3;

interface QuestionFacts extends Omit<MeetingPackInput, 'kyc'> {
  today: string;
  kyc: ReturnType<typeof kycStatus>;
  missing: string[];
  maxAgeMonths: number;
}

/**
 * The questions an advisor should ask, each from a gap the file shows: KYC or questionnaire out of date, objectives
 * or required facts missing, a holding about to mature, products the client showed interest in. Nothing is asked
 * that the file already answers.
 */
export function packQuestions(x: PackText, f: QuestionFacts): string[] {
  const questions: string[] = [];
  const { client, today, kyc } = f;
  if (kyc.state === 'never') questions.push(x.t('pack.q.kycNever'));
  else if (kyc.state === 'stale') questions.push(x.t('pack.q.kycStale', { until: kyc.until! }));
  else if (kyc.state === 'expiring') questions.push(x.t('pack.q.kycExpiring', { until: kyc.until! }));

  if (!client.questionnaire) questions.push(x.t('pack.q.questionnaireNone'));
  else {
    const date = client.questionnaire.completedAt.slice(0, 10);
    const months = monthsBetween(date, today);
    if (months > f.maxAgeMonths) questions.push(x.t('pack.q.questionnaireOld', { date, months }));
  }
  if (client.objectives.length === 0) questions.push(x.t('pack.q.objectives'));
  if (f.missing.length > 0)
    questions.push(x.t('pack.q.missing', { fields: x.list(f.missing.map((m) => fieldName(x, m))) }));
  if (client.sustainabilityPreference === null) questions.push(x.t('pack.q.sustainability'));

  const horizon = addDays(today, MATURITY_DAYS);
  const maturing = f.holdings
    .map((h) => ({ h, on: maturityOf(h, today) }))
    .filter(
      (m): m is { h: (typeof f.holdings)[number]; on: string } => m.on !== null && m.on >= today && m.on <= horizon,
    )
    .sort((a, b) => a.on.localeCompare(b.on));
  for (const { h, on } of maturing)
    questions.push(x.t('pack.q.maturity', { product: x.name(h), date: on, amount: x.money(h.amount, h.currency) }));

  for (const i of interestShown(f.interactions, f, today)) {
    const excluded = f.ranking?.excluded.find((p) => p.productId === i.productId);
    // A product for the other kind of client (a business loan for a person) is nothing to talk about.
    if (excluded?.failed.some((r) => r.ruleId === 'client-kind')) continue;
    const date = i.occurredAt.slice(0, 10);
    // Under an expired KYC every product is excluded; the KYC question already says why.
    const blocking = excluded && excluded.failed[0]!.ruleId !== 'kyc-current';
    questions.push(
      blocking
        ? x.t('pack.q.interestExcluded', { product: x.name(i), date, rule: x.rule(excluded.failed[0]!.ruleId) })
        : x.t('pack.q.interest', { product: x.name(i), date }),
    );
  }

  const waiting = f.pitches.filter((p) => p.status === 'awaiting-review' && p.language === x.language).length;
  if (waiting > 0) questions.push(x.t('pack.q.awaitingReview', { count: waiting }));
  return questions;
}

/** The latest "interested" reaction per product in the last year, for products the client does not hold. */
function interestShown(
  interactions: readonly InteractionWithProduct[],
  f: QuestionFacts,
  today: string,
): InteractionWithProduct[] {
  const since = addDays(today, -INTEREST_DAYS);
  const held = new Set(f.holdings.map((h) => h.productId));
  const latest = new Map<string, InteractionWithProduct>();
  for (const i of interactions) {
    if (i.outcome !== 'interested' || held.has(i.productId)) continue;
    const day = i.occurredAt.slice(0, 10);
    if (day < since || day > today) continue;
    const known = latest.get(i.productId);
    if (!known || known.occurredAt < i.occurredAt) latest.set(i.productId, i);
  }
  return [...latest.values()]
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.productId.localeCompare(b.productId))
    .slice(0, INTEREST_QUESTIONS);
}
