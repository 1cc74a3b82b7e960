import { describe, expect, it } from 'vitest';
import { generateBulkClients } from '../../../../app/demo';
import { createRanker } from '../../../../app/scoring/fast-ranker';
import { encodeFeatures, fitEncoding } from '../../../../app/scoring/feature-encoding';
import { InterestModel } from '../../../../app/scoring/interest-model';
import type { RawFeatures, ScoredClient } from '../../../../app/scoring/scoring-context';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { featureOrigins } from '../../../../app/ranking/score-reasons';
import { demo, demoBook } from './scoring-fixtures';

const row = (client: string, kind: string): RawFeatures => ({
  numeric: {},
  categorical: { 'client.id': [client], 'client.kind': [kind] },
});

describe('client and product identities as factors', () => {
  const rows = [
    ...Array.from({ length: 5 }, () => row('CL-A', 'individual')),
    row('CL-B', 'individual'),
    row('CL-C', 'business'),
  ];

  it('gives an id its own feature only from the frequency threshold, and any other id nothing at all', () => {
    const encoding = fitEncoding(rows, { identityMinCount: 3 });
    const idFeatures = (raw: RawFeatures) =>
      Array.from(encodeFeatures(encoding, raw).indices).filter(
        (i) => featureOrigins(encoding)[i]!.feature === 'client.id',
      );
    expect(idFeatures(row('CL-A', 'individual'))).toHaveLength(1);
    // Seen once, or never: the vector is the attributes' alone, the same for both.
    expect(idFeatures(row('CL-B', 'individual'))).toEqual([]);
    expect(encodeFeatures(encoding, row('CL-NEW', 'individual'))).toEqual(
      encodeFeatures(encoding, row('CL-B', 'individual')),
    );
    // Without the threshold, rare and new ids share a learned "other" bucket.
    const plain = fitEncoding(rows);
    expect(encodeFeatures(plain, row('CL-NEW', 'individual')).indices).toHaveLength(2);
  });

  it('scores a new client on attributes alone, the fast ranker agreeing with the model pair by pair', () => {
    const data = demo();
    const book = demoBook(data);
    const model = InterestModel.train(labelledRows(data.interactions.slice(0, 1500), book), {
      encoding: { identityMinCount: 3 },
    });
    expect(model.encoding.names.some((n) => n.startsWith('client.id: '))).toBe(true);
    const market = data.marketSnapshots.at(-1)!;
    const at = '2026-11-28T09:00:00.000Z';
    const newcomers = generateBulkClients(3, 11, '2026-11-28').map(
      (c) => ({ ...c.profile, id: `NEW-${c.id}`, riskClass: c.riskClass }) as ScoredClient,
    );
    const ranker = createRanker(model, data.products, market, at);
    for (const client of [...book.clients.slice(0, 5), ...newcomers]) {
      const fast = ranker.scoreClient(client);
      data.products.forEach((product, p) =>
        expect(Math.abs(fast[p]! - model.score({ client, product, market, at }))).toBeLessThan(1e-9),
      );
    }
  });
});
