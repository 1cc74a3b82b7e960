import type { CustomAttributes, Product, ProductListQuery } from '../../app/domain';
import { appendAudit } from './audit-log';
import type { Db } from './connection';
import { existingKeys } from './existing-keys';
import { normalizeSearch } from './client-rows';
import { keptFromRow, keptTable } from './row-identity';
import { cached } from './statement-cache';

interface ProductRow {
  id: string;
  family: string;
  category: string;
  name_en: string;
  name_zh: string;
  risk_grade: string;
  rate_kind: string;
  rate_min: number | null;
  rate_max: number | null;
  annual_fee_pct: number;
  upfront_fee_pct: number;
  term_months: number | null;
  lockup_months: number;
  liquidity: string;
  minimum_amount: number;
  currency: string;
  complex: number;
  insured: number;
  eligibility_json: string;
  description_en: string;
  description_zh: string;
  risk_disclosure_en: string;
  risk_disclosure_zh: string;
  custom_attributes_json: string;
  active: number;
  updated_at: string;
}

function fromRow(r: ProductRow): Product {
  return {
    id: r.id,
    family: r.family as Product['family'],
    category: r.category,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    riskGrade: r.risk_grade as Product['riskGrade'],
    rateKind: r.rate_kind as Product['rateKind'],
    rateMin: r.rate_min,
    rateMax: r.rate_max,
    annualFeePct: r.annual_fee_pct,
    upfrontFeePct: r.upfront_fee_pct,
    termMonths: r.term_months,
    lockupMonths: r.lockup_months,
    liquidity: r.liquidity as Product['liquidity'],
    minimumAmount: r.minimum_amount,
    currency: r.currency,
    complex: r.complex === 1,
    insured: r.insured === 1,
    eligibility: JSON.parse(r.eligibility_json) as Product['eligibility'],
    descriptionEn: r.description_en,
    descriptionZh: r.description_zh,
    riskDisclosureEn: r.risk_disclosure_en,
    riskDisclosureZh: r.risk_disclosure_zh,
    customAttributes: JSON.parse(r.custom_attributes_json) as Product['customAttributes'],
    active: r.active === 1,
    updatedAt: r.updated_at,
  };
}

/** The product object read before for this row while the row is unchanged (see row-identity.ts). */
function keptProduct(db: Db, row: ProductRow): Product {
  return keptFromRow(db, 'product', row.id, row, fromRow);
}

/** Inserts or replaces catalog entries in one transaction: a catalog load never half-applies. */
export function upsertProducts(db: Db, products: readonly Product[]): void {
  const stmt = db.prepare(`
    INSERT INTO products (id, family, category, name_en, name_zh, risk_grade, rate_kind, rate_min, rate_max, annual_fee_pct,
      upfront_fee_pct, term_months, lockup_months, liquidity, minimum_amount, currency, complex, insured, eligibility_json,
      description_en, description_zh, risk_disclosure_en, risk_disclosure_zh, custom_attributes_json, active, updated_at)
    VALUES (@id, @family, @category, @nameEn, @nameZh, @riskGrade, @rateKind, @rateMin, @rateMax, @annualFeePct,
      @upfrontFeePct, @termMonths, @lockupMonths, @liquidity, @minimumAmount, @currency, @complex, @insured, @eligibility,
      @descriptionEn, @descriptionZh, @riskDisclosureEn, @riskDisclosureZh, @customAttributes, @active, @updatedAt)
    ON CONFLICT (id) DO UPDATE SET family = excluded.family, category = excluded.category, name_en = excluded.name_en,
      name_zh = excluded.name_zh, risk_grade = excluded.risk_grade, rate_kind = excluded.rate_kind, rate_min = excluded.rate_min,
      rate_max = excluded.rate_max, annual_fee_pct = excluded.annual_fee_pct, upfront_fee_pct = excluded.upfront_fee_pct,
      term_months = excluded.term_months, lockup_months = excluded.lockup_months, liquidity = excluded.liquidity,
      minimum_amount = excluded.minimum_amount, currency = excluded.currency, complex = excluded.complex, insured = excluded.insured,
      eligibility_json = excluded.eligibility_json, description_en = excluded.description_en, description_zh = excluded.description_zh,
      risk_disclosure_en = excluded.risk_disclosure_en, risk_disclosure_zh = excluded.risk_disclosure_zh,
      custom_attributes_json = excluded.custom_attributes_json, active = excluded.active, updated_at = excluded.updated_at`);
  db.transaction(() => {
    for (const p of products) {
      stmt.run({
        ...p,
        complex: p.complex ? 1 : 0,
        insured: p.insured ? 1 : 0,
        active: p.active ? 1 : 0,
        eligibility: JSON.stringify(p.eligibility),
        customAttributes: JSON.stringify(p.customAttributes),
      });
    }
  })();
}

/** Which of these ids are in the catalogue. */
export function existingProductIds(db: Db, ids: Iterable<string>): Set<string> {
  return existingKeys(db, 'products', 'id', ids);
}

/**
 * Writes imported catalogue entries with one audit entry each ('create' or 'update' with the replaced version),
 * inside the caller's transaction: a catalogue change is advice-relevant, so its history must be rebuildable.
 */
export function importProducts(
  db: Db,
  products: readonly Product[],
  meta: { at: string; actor: string },
): { created: number; updated: number } {
  let created = 0;
  let updated = 0;
  db.transaction(() => {
    for (const p of products) {
      const before = getProduct(db, p.id);
      upsertProducts(db, [p]);
      appendAudit(db, {
        at: meta.at,
        actor: meta.actor,
        entity: 'product',
        entityId: p.id,
        action: before ? 'update' : 'create',
        before,
        after: p,
      });
      if (before) updated++;
      else created++;
    }
  })();
  return { created, updated };
}

/** Adds imported custom attributes to catalogue entries; an entry that changes gets an audit entry. Returns how many changed. */
export function mergeProductCustomAttributes(
  db: Db,
  updates: ReadonlyMap<string, CustomAttributes>,
  meta: { at: string; actor: string },
): number {
  const read = db.prepare('SELECT custom_attributes_json FROM products WHERE id = ?').pluck();
  const write = db.prepare('UPDATE products SET custom_attributes_json = ?, updated_at = ? WHERE id = ?');
  let changed = 0;
  db.transaction(() => {
    for (const [id, attrs] of updates) {
      const stored = read.get(id) as string | undefined;
      if (stored === undefined) throw new Error(`No product with id ${id}.`);
      const before = JSON.parse(stored) as CustomAttributes;
      const after = { ...before, ...attrs };
      const json = JSON.stringify(after);
      if (json === stored) continue;
      write.run(json, meta.at, id);
      appendAudit(db, {
        at: meta.at,
        actor: meta.actor,
        entity: 'product',
        entityId: id,
        action: 'import-attributes',
        before: { customAttributes: before },
        after: { customAttributes: after },
      });
      changed++;
    }
  })();
  return changed;
}

export function getProduct(db: Db, id: string): Product | null {
  const row = db.prepare('SELECT * FROM products WHERE id = ?').get(id) as ProductRow | undefined;
  return row ? keptProduct(db, row) : null;
}

/** The catalog is small (hundreds), so the search filters in memory over both languages' names and the category. */
export function listProducts(db: Db, query: ProductListQuery): Product[] {
  // Every ranking reads the whole catalogue: it is read from the file only when it has changed (row-identity.ts).
  const all = keptTable(db, 'products', () =>
    (cached(db, 'SELECT * FROM products ORDER BY family, category, name_en, id').all() as ProductRow[]).map((row) =>
      keptProduct(db, row),
    ),
  );
  const needle = normalizeSearch(query.search);
  const products = !query.family ? all : all.filter((p) => p.family === query.family);
  if (!needle) return products;
  return products.filter((p) => normalizeSearch(`${p.id} ${p.nameEn} ${p.nameZh} ${p.category}`).includes(needle));
}

export function countProducts(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n;
}
