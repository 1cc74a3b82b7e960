import { describe, expect, it } from 'vitest';
import { ClientProfileSchema, ProductSchema } from '../../../../app/domain';
import { placeholderClient, placeholderProduct } from '../../../../app/import/placeholder-records';
import { checkSuitability, DEFAULT_RULE_SET, failedChecks } from '../../../../app/suitability';
import { profile } from '../../../fixtures/client-profile';

const source = { file: 'events.csv', now: '2026-11-28T10:00:00.000Z' };
const context = { holdings: [], today: '2026-11-28', ruleSet: DEFAULT_RULE_SET };

describe('placeholders an outcome table creates', () => {
  it('are valid domain objects, labelled as placeholders, carrying the imported attributes', () => {
    const client = placeholderClient('N7', { age: 35 }, source);
    expect(ClientProfileSchema.parse(client.profile)).toMatchObject({
      displayName: 'Imported client N7',
      kycReviewedAt: null,
      customAttributes: { age: 35 },
    });
    expect(client.riskClass).toBeNull();
    const product = placeholderProduct('P9', { theme: 'green' }, 'fund', 'unclassified', source);
    expect(ProductSchema.parse(product)).toMatchObject({
      nameEn: 'Imported product P9',
      riskGrade: 'R5',
      complex: true,
      active: false,
      customAttributes: { theme: 'green' },
    });
  });

  it('cannot be advised on: a placeholder client fails KYC for any product, and a placeholder product fails a C3 client', () => {
    const product = placeholderProduct('P9', {}, 'fund', 'unclassified', source);
    const placeholder = placeholderClient('N7', {}, source);
    const forPlaceholder = checkSuitability({ id: 'N7', ...placeholder.profile, riskClass: null }, product, context);
    expect(forPlaceholder.suitable).toBe(false);
    expect(failedChecks(forPlaceholder).map((c) => c.ruleId)).toContain('kyc-current');
    const known = checkSuitability(
      { id: 'K1', ...profile({ kycReviewedAt: '2026-06-01' }), riskClass: 'C3' },
      product,
      context,
    );
    expect(known.suitable).toBe(false);
    expect(failedChecks(known).map((c) => c.ruleId)).toContain('risk-class');
  });
});
