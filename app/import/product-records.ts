import { DISCLOSURES } from '../demo/demo-product-builder';
import { ProductSchema, type Product, type ProductFamily, type RateKind } from '../domain';
import {
  columnFor,
  unknownFieldIssues,
  type ImportIssue,
  type MappedRecord,
  type MappingFile,
  readImportedId,
} from './column-mapping';

/** Fields a products mapping may name; eligibility limits are named flat (`minAge`, not `eligibility.minAge`). */
const ELIGIBILITY_FIELDS = [
  'clientKinds',
  'minAge',
  'maxAge',
  'minCreditScore',
  'maxDebtToIncome',
  'minYearsTrading',
  'minAnnualRevenue',
  'excludedSectors',
] as const;
const PRODUCT_FIELDS = new Set<string>([
  'id',
  'family',
  'category',
  'nameEn',
  'nameZh',
  'riskGrade',
  'rateKind',
  'rateMin',
  'rateMax',
  'annualFeePct',
  'upfrontFeePct',
  'termMonths',
  'lockupMonths',
  'liquidity',
  'minimumAmount',
  'currency',
  'complex',
  'insured',
  'descriptionEn',
  'descriptionZh',
  'riskDisclosureEn',
  'riskDisclosureZh',
  'active',
  ...ELIGIBILITY_FIELDS,
]);

/** What the headline rate usually means in each family, when the file does not say. */
const RATE_KIND_BY_FAMILY: Record<ProductFamily, RateKind> = {
  deposit: 'fixed_rate',
  fund: 'expected_return',
  security: 'expected_return',
  insurance: 'premium_rate',
  consumer_credit: 'borrowing_rate',
  business_finance: 'borrowing_rate',
};

/** Categories that need knowledge and experience of complex products, as in the demo catalogue. */
const COMPLEX_CATEGORIES = new Set(['structured_deposit', 'investment_linked', 'convertible_bond']);

export type ProductBuild = { ok: true; product: Product } | { ok: false; issues: ImportIssue[] };

/**
 * Turns one mapped CSV record into a catalogue product. Required: id, family, category, risk grade and a name in
 * either language. Everything else defaults to the cautious reading: no redemption (`liquidity: none`), no minimum,
 * CNY, the family's usual rate kind, individuals only (businesses for business finance) from age 18, complex for the
 * categories the demo catalogue treats as complex, and the standard risk disclosure of the category. A category
 * without a standard disclosure needs its own, because every pitch must carry one.
 */
export function buildImportedProduct(record: MappedRecord, mapping: MappingFile, now: string): ProductBuild {
  const issues = unknownFieldIssues(record, mapping, PRODUCT_FIELDS, 'products');
  const f = record.fields;
  const at = (field: string) => ({ line: record.line, column: columnFor(mapping, field) });
  const text = (field: string): string | null =>
    typeof f[field] === 'string' && (f[field] as string).trim() !== '' ? (f[field] as string).trim() : null;
  const num = (field: string): number | null => (typeof f[field] === 'number' ? (f[field] as number) : null);
  const flag = (field: string): boolean | null => (typeof f[field] === 'boolean' ? (f[field] as boolean) : null);

  const id = text('id') ?? '';
  if (!id) issues.push({ ...at('id'), reason: 'every product needs an id' });
  else {
    const checked = readImportedId(id);
    if (!checked.ok) issues.push({ ...at('id'), reason: checked.reason });
  }
  const nameEn = text('nameEn') ?? text('nameZh');
  const nameZh = text('nameZh') ?? text('nameEn');
  if (!nameEn || !nameZh) issues.push({ ...at('nameEn'), reason: 'a product needs a name in English or Chinese' });
  const family = text('family') as ProductFamily | null;
  const parsedFamily = ProductSchema.shape.family.safeParse(family);
  if (!parsedFamily.success)
    issues.push({
      ...at('family'),
      reason: family
        ? `"${family}" is not one of ${ProductSchema.shape.family.options.join(', ')}`
        : 'a product family is required',
    });
  const category = text('category') ?? '';
  if (!category) issues.push({ ...at('category'), reason: 'a product category is required' });
  const disclosure = DISCLOSURES[category];
  const riskDisclosureEn = text('riskDisclosureEn') ?? disclosure?.[0] ?? null;
  const riskDisclosureZh = text('riskDisclosureZh') ?? disclosure?.[1] ?? riskDisclosureEn;
  if (category && !riskDisclosureEn)
    issues.push({
      ...at('riskDisclosureEn'),
      reason: `there is no standard risk disclosure for category "${category}": map a column to riskDisclosureEn`,
    });
  let rateMin = num('rateMin');
  let rateMax = num('rateMax');
  rateMin ??= rateMax;
  rateMax ??= rateMin;
  if (rateMin !== null && rateMax !== null && rateMin > rateMax)
    issues.push({ ...at('rateMax'), reason: `the highest rate ${rateMax} is below the lowest ${rateMin}` });
  if (issues.length > 0 || !parsedFamily.success) return { ok: false, issues };

  const business = parsedFamily.data === 'business_finance';
  const kinds = Array.isArray(f.clientKinds) ? (f.clientKinds as string[]) : business ? ['business'] : ['individual'];
  const candidate = {
    id,
    family: parsedFamily.data,
    category,
    nameEn,
    nameZh,
    riskGrade: text('riskGrade'),
    rateKind: text('rateKind') ?? RATE_KIND_BY_FAMILY[parsedFamily.data],
    rateMin,
    rateMax,
    annualFeePct: num('annualFeePct') ?? 0,
    upfrontFeePct: num('upfrontFeePct') ?? 0,
    termMonths: num('termMonths'),
    lockupMonths: num('lockupMonths') ?? 0,
    liquidity: text('liquidity') ?? 'none',
    minimumAmount: num('minimumAmount') ?? 0,
    currency: text('currency') ?? 'CNY',
    complex: flag('complex') ?? COMPLEX_CATEGORIES.has(category),
    insured: flag('insured') ?? false,
    eligibility: {
      clientKinds: kinds,
      minAge: 'minAge' in f ? num('minAge') : kinds.includes('individual') ? 18 : null,
      maxAge: num('maxAge'),
      minCreditScore: num('minCreditScore'),
      maxDebtToIncome: num('maxDebtToIncome'),
      minYearsTrading: num('minYearsTrading'),
      minAnnualRevenue: num('minAnnualRevenue'),
      excludedSectors: Array.isArray(f.excludedSectors) ? f.excludedSectors : [],
    },
    descriptionEn: text('descriptionEn') ?? '',
    descriptionZh: text('descriptionZh') ?? '',
    riskDisclosureEn,
    riskDisclosureZh,
    customAttributes: { ...record.customAttributes },
    active: flag('active') ?? true,
    updatedAt: now,
  };
  const checked = ProductSchema.safeParse(candidate);
  if (checked.success) return { ok: true, product: checked.data };
  return {
    ok: false,
    issues: checked.error.issues.map((issue) => {
      // Eligibility limits are mapped flat, so report the limit's own field (eligibility.minAge → minAge).
      const field = String(
        issue.path[0] === 'eligibility' ? (issue.path[1] ?? 'clientKinds') : (issue.path[0] ?? 'id'),
      );
      const value =
        field in candidate
          ? (candidate as Record<string, unknown>)[field]
          : (candidate.eligibility as Record<string, unknown>)[field];
      return { ...at(field), reason: `${JSON.stringify(value)} is not valid: ${issue.message}` };
    }),
  };
}
