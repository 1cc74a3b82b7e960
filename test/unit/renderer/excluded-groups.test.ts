import { describe, expect, it } from 'vitest';
import type { ExcludedProduct } from '../../../app/contract';
import { en, zhCN } from '../../../app/messages';
import { RULE_IDS } from '../../../app/suitability/suitability-types';
import { groupExcluded } from '../../../renderer/src/pages/client/excluded-groups';

function excluded(productId: string, ...ruleIds: string[]): ExcludedProduct {
  return {
    productId,
    nameEn: productId,
    nameZh: productId,
    family: 'fund',
    category: 'equity_fund',
    riskGrade: 'R3',
    failed: ruleIds.map((ruleId) => ({
      ruleId,
      passed: false,
      reason: { key: 'issue.text', params: { text: ruleId } },
    })),
  } as ExcludedProduct;
}

describe('unsuitable products grouped by reason', () => {
  it('puts a product in the group of the first rule it fails, client-specific groups first and open', () => {
    const groups = groupExcluded([
      excluded('BF-1', 'client-kind'),
      excluded('BF-2', 'credit-debt-to-income', 'client-kind'),
      excluded('FD-1', 'risk-class'),
      excluded('FD-2', 'horizon-term', 'risk-class'),
      excluded('IN-1', 'product-age-limits'),
    ]);
    expect(groups.map((g) => [g.ruleId, g.products.map((p) => p.productId), g.openAtFirst])).toEqual([
      ['risk-class', ['FD-1', 'FD-2'], true],
      ['product-age-limits', ['IN-1'], true],
      ['client-kind', ['BF-1', 'BF-2'], false],
    ]);
  });

  it('keeps a KYC block that excludes everything to one closed line', () => {
    const groups = groupExcluded([excluded('A', 'kyc-current', 'risk-class'), excluded('B', 'kyc-current')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ ruleId: 'kyc-current', openAtFirst: false });
  });

  it('has a group title for every rule in both languages', () => {
    for (const ruleId of RULE_IDS) {
      const keys =
        ruleId === 'client-kind'
          ? ['clientPage.excluded.group.client-kind.individual', 'clientPage.excluded.group.client-kind.business']
          : [`clientPage.excluded.group.${ruleId}`];
      for (const key of keys) {
        expect(en[key as keyof typeof en], key).toBeTruthy();
        expect(zhCN[key as keyof typeof zhCN], key).toBeTruthy();
      }
    }
  });
});
