import { describe, expect, it } from 'vitest';
import { amountBand, pseudonymizeRecord } from '../../../../app/records/pseudonymize';
import { profile } from '../../../fixtures/client-profile';

const record = {
  id: 'AR-1',
  createdAt: '2026-11-28T09:00:00.000Z',
  client: {
    ...profile({
      displayName: 'Alice Gordon',
      email: 'alice@example.com',
      phone: '+65 8 5906 1585',
      birthDate: '1967-09-08',
      investableAssets: 1_561_000,
      annualIncome: 167_000,
      notes: 'Met at the Gordon family office.',
    }),
    id: 'CL-0199',
    riskClass: 'C3',
  },
  suitability: {
    checks: [
      {
        ruleId: 'concentration',
        passed: true,
        reason: {
          key: 'suit.minimum.within',
          params: { minimum: '1', assets: '1,561,000' },
        },
      },
      { ruleId: 'kyc-current', passed: true, reason: { key: 'suit.age.check', params: { age: 59, range: '18–70' } } },
    ],
    reasons: [{ ruleId: 'concentration', passed: true, text: { en: 'investable assets 1,561,000', zh: '1,561,000' } }],
  },
  pitch: {
    finalText: {
      headline: 'For Alice',
      body: 'Dear Ms Gordon, with 1,561,000 to invest (born 1967-09-08) you could write to alice@example.com.',
    },
  },
};

describe('pseudonymizeRecord', () => {
  const out = pseudonymizeRecord(record, 'PS-0123456789abcdef');
  const text = JSON.stringify(out);

  it('keeps no name, contact, birth date, note or exact amount anywhere in the record', () => {
    for (const secret of [
      'Alice',
      'Gordon',
      'alice@example.com',
      '5906',
      '1967-09-08',
      '1,561,000',
      '1561000',
      '167000',
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toContain('family office');
    expect(out.pitch.finalText.body).toBe(
      'Dear Ms PS-0123456789abcdef, with 1M–2.5M to invest (born 50–59) you could write to PS-0123456789abcdef.',
    );
  });

  it('describes the client by bands a reviewer can still judge suitability with', () => {
    expect(out.client).toMatchObject({
      id: 'PS-0123456789abcdef',
      pseudonymized: true,
      riskClass: 'C3',
      ageBand: '50–59',
      amounts: { investableAssets: '1M–2.5M', annualIncome: '100k–250k' },
    });
    expect(out.suitability.reasons.map((r) => r.text.en)).toEqual([
      'Minimum investment 1 is within investable assets 1M–2.5M',
      'Client is 50–59; the product is for ages 18–70',
    ]);
  });

  it('writes ranges without the digits of an exact amount', () => {
    expect(amountBand(0)).toBe('0–10k');
    expect(amountBand(100_000)).toBe('100k–250k');
    expect(amountBand(250_000_000)).toBe('≥100M');
  });
});
