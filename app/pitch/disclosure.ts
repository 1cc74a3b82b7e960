import type { RiskGrade } from '../domain/enums';
import { recordedText, type LocalizedText } from '../domain/localized-text';
import { message, type Message } from '../messages';
import type { Product } from '../domain/product';

/** The grade sentence every pitch carries; the lint looks for the grade code in it. */
export function gradeStatement(grade: RiskGrade): Message {
  return message('disclosure.gradeStatement', { grade, words: message(`disclosure.grade.${grade}`) });
}

/**
 * What a pitch for this product must carry word for word: the product's own risk disclosure (or its
 * family's when the record has none), in the client's language. The grade statement travels with it.
 */
export function requiredDisclosure(
  product: Pick<Product, 'family' | 'riskDisclosureEn' | 'riskDisclosureZh'>,
): LocalizedText {
  // Used only when the record carries no disclosure of its own; every pitch carries one.
  const fallback = recordedText(message(`disclosure.family.${product.family}`));
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
