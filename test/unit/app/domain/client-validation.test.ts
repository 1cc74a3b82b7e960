import { describe, expect, it } from 'vitest';
import { validateClientProfile, type ClientProfile } from '../../../../app/domain';
import { renderMessage } from '../../../../app/messages';
import { profile } from '../../../fixtures/client-profile';

const TODAY = '2026-11-28';
const fields = (p: ClientProfile) => {
  const r = validateClientProfile(p, TODAY);
  return r.ok ? [] : r.issues.map((i) => i.field).sort();
};

describe('validateClientProfile', () => {
  it('accepts a complete individual and a complete business', () => {
    expect(validateClientProfile(profile(), TODAY).ok).toBe(true);
    expect(fields(profile({ kind: 'business', birthDate: null, foundedDate: '2010-02-03', sector: 'retail' }))).toEqual(
      [],
    );
  });

  it('names each field an advisor got wrong, in English and Chinese', () => {
    const r = validateClientProfile(
      profile({ displayName: '  ', email: 'a@b', phone: 'call me', birthDate: '2030-01-01', dependents: 25 }),
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.field).sort()).toEqual(['birthDate', 'dependents', 'displayName', 'email', 'phone']);
    for (const issue of r.issues) expect(renderMessage(issue.message, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    const money = validateClientProfile(profile({ liabilities: -5 }), TODAY);
    expect(
      money.ok ? [] : money.issues.map((i) => [renderMessage(i.message, 'en'), renderMessage(i.message, 'zh-CN')]),
    ).toEqual([['Liabilities cannot be negative.', '负债不能为负数。']]);
  });

  it('requires what each kind of client needs', () => {
    expect(fields(profile({ birthDate: null }))).toEqual(['birthDate']);
    expect(fields(profile({ kind: 'business', birthDate: null, foundedDate: null, sector: null }))).toEqual([
      'foundedDate',
      'sector',
    ]);
  });

  it('rejects impossible dates and money that does not add up', () => {
    expect(fields(profile({ birthDate: '1990-02-30' }))).toEqual(['birthDate']);
    expect(fields(profile({ kycReviewedAt: '2027-01-01' }))).toEqual(['kycReviewedAt']);
    expect(fields(profile({ investableAssets: 3_000_000, totalAssets: 1_000_000 }))).toEqual(['investableAssets']);
    expect(fields(profile({ creditScore: 1200 }))).toEqual(['creditScore']);
  });
});
