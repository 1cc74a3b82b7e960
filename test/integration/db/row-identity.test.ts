import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoProducts } from '../../../app/demo';
import type { Product } from '../../../app/domain';
import { rankForClient } from '../../../app/ranking/rank-for-client';
import type { ScoredClient } from '../../../app/scoring/scoring-context';
import { DEFAULT_RULE_SET, type SuitabilityRuleSet } from '../../../app/suitability';
import { inScope } from '../../../app/suitability/suitability-facts';
import { openDatabase, type Db } from '../../../main/db/connection';
import {
  getProduct,
  listProducts,
  mergeProductCustomAttributes,
  upsertProducts,
} from '../../../main/db/product-repository';
import { activeRuleSet, saveRuleSet } from '../../../main/db/rule-set-repository';
import { individual, TODAY } from '../../unit/app/suitability/suitability-fixtures';
import { tempDb } from './temp-db';

const AT = `${TODAY}T09:00:00.000Z`;
let store: ReturnType<typeof tempDb>;
let db: Db;
const read = () => listProducts(db, { search: '', family: null });

beforeEach(() => {
  store = tempDb();
  db = store.db;
  upsertProducts(db, demoProducts(TODAY));
});
afterEach(() => store.cleanup());

describe('products and rule sets read from the store', () => {
  it('are the objects read before while their rows are unchanged', () => {
    const first = read();
    const again = read();
    expect(again).not.toBe(first);
    again.forEach((p, i) => expect(p).toBe(first[i]));
    expect(getProduct(db, first[2]!.id)).toBe(first[2]);
    // A rule set with the same version and rules is the same object too.
    saveRuleSet(db, DEFAULT_RULE_SET, { name: 'Copy', at: AT, actor: 'admin' });
    expect(activeRuleSet(db)).toBe(activeRuleSet(db));
  });

  it('are new objects with the new data after any write, never a stale copy', () => {
    const first = read();
    const target = first[3]!;
    upsertProducts(db, [{ ...target, minimumAmount: target.minimumAmount + 1 }]);
    const afterUpsert = read();
    const edited = afterUpsert.find((p) => p.id === target.id)!;
    expect(edited).not.toBe(target);
    expect(edited.minimumAmount).toBe(target.minimumAmount + 1);
    expect(afterUpsert.find((p) => p.id === first[4]!.id)).toBe(first[4]);
    // A write the repository does not make (here plain SQL, with updated_at left alone) is seen as well.
    db.prepare('UPDATE products SET risk_grade = ? WHERE id = ?').run('R5', first[5]!.id);
    expect(read().find((p) => p.id === first[5]!.id)!.riskGrade).toBe('R5');
    // So is a write by another connection to the same file (the CLI while the app runs), and a deleted row.
    const other = openDatabase(store.file);
    other.prepare('UPDATE products SET name_en = ? WHERE id = ?').run('Renamed elsewhere', first[7]!.id);
    other.prepare('DELETE FROM products WHERE id = ?').run(first[8]!.id);
    other.close();
    const afterOther = read();
    expect(afterOther.find((p) => p.id === first[7]!.id)!.nameEn).toBe('Renamed elsewhere');
    expect(afterOther.map((p) => p.id)).not.toContain(first[8]!.id);
    expect(afterOther).toHaveLength(first.length - 1);
    mergeProductCustomAttributes(db, new Map([[first[6]!.id, { shelf: 'A' }]]), { at: AT, actor: 'admin' });
    expect(getProduct(db, first[6]!.id)!.customAttributes).toMatchObject({ shelf: 'A' });
    expect(read().find((p) => p.id === first[6]!.id)!.customAttributes).toMatchObject({ shelf: 'A' });
    // A family filter or a search over the kept catalogue keeps the catalogue's order.
    const funds = listProducts(db, { search: '', family: 'fund' });
    expect(funds.length).toBeGreaterThan(1);
    expect(funds.map((p) => p.id)).toEqual(
      read()
        .filter((p) => p.family === 'fund')
        .map((p) => p.id),
    );

    saveRuleSet(db, DEFAULT_RULE_SET, { name: 'Copy', at: AT, actor: 'admin' });
    const ruleSet = activeRuleSet(db);
    const stricter: SuitabilityRuleSet = structuredClone(DEFAULT_RULE_SET);
    stricter.rules.concentration.maxSharePerProduct = 0.01;
    saveRuleSet(db, stricter, { name: 'Stricter', at: AT, actor: 'admin' });
    expect(activeRuleSet(db)).not.toBe(ruleSet);
    expect(activeRuleSet(db).rules.concentration.maxSharePerProduct).toBe(0.01);
  });
});

describe('a ranking over products read from the store', () => {
  const client = individual({ investableAssets: 400_000 }, 'C3') as ScoredClient;
  const scorer = (_c: ScoredClient, products: readonly Product[]) =>
    products.map((p) => ({ probability: p.minimumAmount / 1e7, explain: () => [] }));
  const rank = (products: readonly Product[], ruleSet: SuitabilityRuleSet = DEFAULT_RULE_SET) =>
    rankForClient({
      client,
      products,
      holdings: [],
      ruleSet,
      today: TODAY,
      at: `${TODAY}T09:00:00.000Z`,
      market: null,
      scorer,
      top: 100,
    });

  it('is the ranking of the same products read before', () => {
    const first = rank(read());
    expect(rank(read())).toEqual(first);
    expect(rank(structuredClone(read()))).toEqual(first);
  });

  it('follows an edited product and an edited rule set at once', () => {
    const products = read();
    rank(products);
    // A suitable product whose minimum is raised past the client's assets is excluded for it by the next ranking.
    const before = rank(read());
    const investments = new Set(
      products.filter((p) => inScope(p, DEFAULT_RULE_SET.scopes.investment)).map((p) => p.id),
    );
    const target = before.ranked.find((p) => investments.has(p.productId))!;
    const stored = products.find((p) => p.id === target.productId)!;
    upsertProducts(db, [{ ...stored, minimumAmount: 10_000_000 }]);
    const after = rank(read());
    expect(after.ranked.map((p) => p.productId)).not.toContain(target.productId);
    expect(after.excluded.find((p) => p.productId === target.productId)?.failed.length).toBeGreaterThan(0);
    // A rule set handed in with the same id and version but other limits (not from the store) decides by its own.
    const stricter: SuitabilityRuleSet = structuredClone(DEFAULT_RULE_SET);
    stricter.rules.riskClass.maxGradeByClass = { C1: 'R1', C2: 'R1', C3: 'R1', C4: 'R1', C5: 'R1' };
    stricter.rules.riskClass.deviation.enabled = false;
    const strict = rank(read(), stricter);
    expect(strict.ranked.every((p) => p.riskGrade === 'R1' || !investments.has(p.productId))).toBe(true);
    expect(strict.excluded.length).toBeGreaterThan(before.excluded.length);
  });
});
