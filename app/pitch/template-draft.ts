import type { Language } from '../domain/enums';
import type { LocalizedText } from '../domain/localized-text';
import { message } from '../messages';
import { pick } from './formatting';
import type { PitchFacts } from './pitch-facts';
import { UnsuitableProductError } from './prompt-budget';
import { doc, type LabelledPitchDraft, type PitchOptions, type PitchTone } from './pitch-types';

export const TEMPLATE_LABEL = message('pitchJob.templateLabel');

const INVESTMENT_FAMILIES = new Set(['deposit', 'fund', 'security']);

function value(facts: PitchFacts, key: string, language: Language): string | null {
  const found = facts.facts.find((f) => f.key === key);
  return found ? pick(found.value, language) : null;
}

/** The category as a common noun in English ("a deposit product"); Chinese has no case to change. */
const lowerInEnglish = (category: string) => ({ en: category.toLowerCase(), zh: category });

const INTRO: Record<PitchTone, (name: string, category: string) => LocalizedText> = {
  formal: (name, category) => doc('pitchTemplate.introFormal', { name, category: lowerInEnglish(category) }),
  warm: (name, category) => doc('pitchTemplate.introWarm', { name, category: lowerInEnglish(category) }),
  concise: (name, category) => doc('pitchTemplate.introConcise', { name, category: lowerInEnglish(category) }),
};

const NEXT_STEP: Record<PitchTone, LocalizedText> = {
  formal: doc('pitchTemplate.ifYouWishWeCan'),
  warm: doc('pitchTemplate.iWouldBeGladTo'),
  concise: doc('pitchTemplate.askMeForTheProduct'),
};

function rateSentence(facts: PitchFacts, language: Language): string | null {
  const rate = value(facts, 'product.rate', language);
  if (!rate) return null;
  const zh = language === 'zh-CN';
  switch (facts.product.rateKind) {
    case 'expected_return':
      return zh
        ? `预期收益区间为${rate}，不构成收益保证。`
        : `Its expected return range is ${rate}; this range is not a promise.`;
    case 'fixed_rate':
      return zh ? `固定利率为${rate}。` : `It pays a fixed rate of ${rate}.`;
    case 'borrowing_rate':
      return zh ? `贷款利率为${rate}。` : `The borrowing rate is ${rate}.`;
    case 'premium_rate':
      return zh ? `保费为${rate}。` : `The premium is ${rate}.`;
    default:
      return null;
  }
}

/** Term, lock-up, access and minimum, each only where the product has it. */
function termSentences(facts: PitchFacts, language: Language): string[] {
  const zh = language === 'zh-CN';
  const out: string[] = [];
  const term = value(facts, 'product.term', language);
  const lockup = value(facts, 'product.lockup', language);
  const access = value(facts, 'product.liquidity', language);
  const minimum = value(facts, 'product.minimum', language);
  if (term) out.push(zh ? `期限为 ${term}。` : `The term is ${term}.`);
  if (lockup) out.push(zh ? `锁定期为 ${lockup}。` : `The money is locked up for ${lockup}.`);
  if (access) out.push(zh ? `流动性：${access}。` : `Access to money: ${access}.`);
  if (minimum) out.push(zh ? `起购金额为 ${minimum}。` : `The minimum amount is ${minimum}.`);
  return out;
}

function objectivesPhrase(facts: PitchFacts, language: Language): string | null {
  return value(facts, 'client.objectives', language);
}

/**
 * A pitch written from the facts alone, for when no language model is loaded. Deterministic: the same
 * facts and options give the same text. It quotes only the facts' own figures and carries the
 * disclosure word for word, so it passes the same lint as a model's draft.
 */
export function templateDraft(facts: PitchFacts, options: PitchOptions): LabelledPitchDraft {
  if (!facts.suitability.suitable) throw new UnsuitableProductError(facts.product.id);
  const { language, tone, length } = options;
  const zh = language === 'zh-CN';
  const name = pick(facts.product.name, language);
  const category = pick(facts.product.categoryName, language);
  const objectives = objectivesPhrase(facts, language);
  const riskClass = value(facts, 'client.riskClass', language);
  const fees = value(facts, 'product.fees', language);
  const rate = rateSentence(facts, language);
  const firstObjective = objectives?.split(zh ? '、' : ', ')[0];

  const headline = firstObjective
    ? zh
      ? `${name}：契合您“${firstObjective}”目标的${category}`
      : `${name}: a ${category.toLowerCase()} for ${firstObjective}`
    : zh
      ? `${name}：${category}`
      : `${name}: ${category.toLowerCase()}`;

  const body: string[] = [
    `${pick(facts.greeting, language)}${zh ? '：' : ','}`,
    pick(INTRO[tone](name, category), language),
  ];
  if (objectives)
    body.push(
      zh
        ? `它与您的目标（${objectives}）相符，并已通过针对您风险承受等级（${riskClass}）的适当性检查。`
        : `It fits your objectives (${objectives}) and passed our suitability checks for your risk class (${riskClass}).`,
    );
  if (rate) body.push(rate);
  if (fees) body.push(zh ? `费用：${fees}。` : `Fees: ${fees}.`);
  body.push(...termSentences(facts, language));
  const description = pick(facts.product.description, language).trim();
  if (length !== 'short' && description) body.push(zh ? `产品说明：${description}` : `In brief: ${description}`);
  const deposit = value(facts, 'market.depositRate1y', language);
  if (length === 'long' && deposit && INVESTMENT_FAMILIES.has(facts.product.family)) {
    body.push(
      zh
        ? `作为参考，目前一年期存款利率为 ${deposit}。`
        : `For comparison, the one-year deposit rate is currently ${deposit}.`,
    );
  }
  body.push(zh ? '请在决定前阅读下方的风险提示。' : 'Please read the risk statement below before deciding.');

  const keyPoints: string[] = [];
  if (rate) keyPoints.push(rate);
  if (fees) keyPoints.push(zh ? `费用：${fees}` : `Fees: ${fees}`);
  const access = value(facts, 'product.liquidity', language);
  if (access) keyPoints.push(zh ? `流动性：${access}` : `Access to money: ${access}`);
  const minimum = value(facts, 'product.minimum', language);
  if (minimum && length !== 'short') keyPoints.push(zh ? `起购金额：${minimum}` : `Minimum amount: ${minimum}`);

  const risks = [pick(facts.disclosure, language), pick(facts.gradeStatement, language)];
  if (facts.product.complex)
    risks.push(
      zh
        ? '这是一款复杂产品，请确认您理解其运作方式。'
        : 'This is a complex product; make sure you understand how it works.',
    );
  if (facts.product.currency !== 'CNY')
    risks.push(
      zh
        ? `本产品以 ${facts.product.currency} 计价，汇率变动会影响其人民币价值。`
        : `This product is held in ${facts.product.currency}; exchange-rate moves change its value in yuan.`,
    );

  return {
    headline: headline.slice(0, 120),
    body: body.join(zh ? '' : ' '),
    keyPoints: keyPoints.length > 0 ? keyPoints : [zh ? `类别：${category}` : `Category: ${category}`],
    risks,
    nextStep: pick(NEXT_STEP[tone], language),
    source: 'template',
    language,
    label: TEMPLATE_LABEL,
  };
}
