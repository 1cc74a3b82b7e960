import type { ProductFamily, RiskGrade } from '../domain/enums';
import type { LocalizedText } from '../domain/localized-text';
import type { Product } from '../domain/product';

/** Used only when a product record carries no disclosure of its own; every pitch carries one. */
const FAMILY_DISCLOSURE: Record<ProductFamily, LocalizedText> = {
  deposit: {
    en: 'Deposits are protected by deposit insurance only up to its limit; rates may change.',
    zh: '存款仅在存款保险限额内受保障；利率可能调整。',
  },
  fund: {
    en: 'The value of the fund can go down as well as up; capital is at risk.',
    zh: '基金净值可升可跌，本金存在亏损风险。',
  },
  security: {
    en: 'Prices can fall and you may get back less than you invested.',
    zh: '价格可能下跌，您可能无法收回全部投资。',
  },
  insurance: {
    en: 'Cover applies only under the policy terms; surrendering early may return less than the premiums paid.',
    zh: '仅按保险条款承担保障责任；提前退保所得可能少于已交保费。',
  },
  consumer_credit: {
    en: 'Borrow only what you can repay; missed payments harm your credit record.',
    zh: '请量力借款；逾期还款会影响您的信用记录。',
  },
  business_finance: {
    en: 'The business must repay whatever its trading results; fees and interest apply.',
    zh: '无论经营状况如何企业均须还款，并须支付利息和费用。',
  },
};

const GRADE_WORDS: Record<RiskGrade, LocalizedText> = {
  R1: { en: 'low', zh: '低' },
  R2: { en: 'medium-low', zh: '中低' },
  R3: { en: 'medium', zh: '中' },
  R4: { en: 'medium-high', zh: '中高' },
  R5: { en: 'high', zh: '高' },
};

/** The grade sentence every pitch carries; the lint looks for the grade code in it. */
export function gradeStatement(grade: RiskGrade): LocalizedText {
  return {
    en: `Risk grade ${grade} (${GRADE_WORDS[grade].en} risk, on a scale from R1 to R5).`,
    zh: `风险等级 ${grade}（${GRADE_WORDS[grade].zh}风险，R1 最低，R5 最高）。`,
  };
}

/**
 * What a pitch for this product must carry word for word: the product's own risk disclosure (or its
 * family's when the record has none), in the client's language. The grade statement travels with it.
 */
export function requiredDisclosure(
  product: Pick<Product, 'family' | 'riskDisclosureEn' | 'riskDisclosureZh'>,
): LocalizedText {
  const fallback = FAMILY_DISCLOSURE[product.family];
  return {
    en: product.riskDisclosureEn.trim() || fallback.en,
    zh: product.riskDisclosureZh.trim() || fallback.zh,
  };
}

/** Compares texts the way a reader would: case, spacing and full-width/half-width punctuation do not matter. */
export function normaliseForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\s\u3000]+/g, '')
    .replace(
      /[.。;；,，:：!！?？]/g,
      (c) => ({ '。': '.', '；': ';', '，': ',', '：': ':', '！': '!', '？': '?' })[c] ?? c,
    );
}
