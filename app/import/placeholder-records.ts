import type { CustomAttributes, NewClient, Product, ProductFamily } from '../domain';
import { defaultProfile } from './client-records';

/**
 * Clients and products an outcome table names but the store does not know. They are created so the outcomes can be
 * kept and learned from, and they are built so nobody can advise on them by accident until someone completes them:
 *
 * - a client is an individual with no KYC review and no risk class, so suitability refuses every product until the
 *   profile and questionnaire are done (and the edit form asks for the missing date of birth);
 * - a product is inactive, complex and graded R5, the highest risk, with a disclosure that says its facts are
 *   missing. Its family defaults to `fund`: investment families are judged by risk grade and product knowledge,
 *   which R5 and `complex` fail for all but the most experienced C5 clients, whereas credit and insurance are
 *   judged on affordability and age, which a blank record would not stop.
 */
export interface PlaceholderSource {
  file: string;
  /** ISO time of the import. */
  now: string;
}

export const PLACEHOLDER_ADVISOR_NOTE =
  'Placeholder created by import-events; profile, KYC and risk questionnaire not yet recorded. Complete them before advising.';

export function placeholderClient(id: string, attributes: CustomAttributes, source: PlaceholderSource): NewClient {
  const profile = defaultProfile('individual');
  profile.displayName = `Imported client ${id}`;
  profile.notes = `${PLACEHOLDER_ADVISOR_NOTE} Source: ${source.file}, ${source.now.slice(0, 10)}.`;
  profile.customAttributes = { ...attributes };
  return { id, profile, riskClass: null, questionnaire: null, createdAt: source.now, updatedAt: source.now };
}

export function placeholderProduct(
  id: string,
  attributes: CustomAttributes,
  family: ProductFamily,
  category: string,
  source: PlaceholderSource,
): Product {
  return {
    id,
    family,
    category,
    nameEn: `Imported product ${id}`,
    nameZh: `导入产品 ${id}`,
    riskGrade: 'R5',
    rateKind: 'none',
    rateMin: null,
    rateMax: null,
    annualFeePct: 0,
    upfrontFeePct: 0,
    termMonths: null,
    lockupMonths: 0,
    liquidity: 'none',
    minimumAmount: 0,
    currency: 'CNY',
    complex: true,
    insured: false,
    eligibility: {
      clientKinds: ['individual', 'business'],
      minAge: null,
      maxAge: null,
      minCreditScore: null,
      maxDebtToIncome: null,
      minYearsTrading: null,
      minAnnualRevenue: null,
      excludedSectors: [],
    },
    descriptionEn: `Placeholder created by import-events from ${source.file} on ${source.now.slice(0, 10)}: the product's facts have not been recorded.`,
    descriptionZh: `由 import-events 从 ${source.file} 于 ${source.now.slice(0, 10)} 创建的占位产品：产品要素尚未录入。`,
    riskDisclosureEn:
      'Placeholder product: its facts and risk disclosure have not been recorded. Do not recommend it until the product record is completed.',
    riskDisclosureZh: '占位产品：产品要素和风险揭示尚未录入。完善产品信息前不得推荐。',
    customAttributes: { ...attributes },
    active: false,
    updatedAt: source.now,
  };
}
