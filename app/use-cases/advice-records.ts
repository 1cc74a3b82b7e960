import type { Product } from '../domain';
import { DomainError } from '../domain/domain-error';
import type { Clock, IdSource, Stores } from '../ports';
import type { AdviceRecordStore, VerdictsNow } from '../ports/advice-records';
import type { CorrectedField, CorrectionRecord, DeviationOnRecord } from '../records/advice-record';
import { ADVICE_RECORD_SCHEMA } from '../records/advice-record';
import { presentedRankingRecord } from '../records/presented-ranking';

export interface AdviceRecordDeps {
  stores: Pick<Stores, 'clients' | 'products' | 'market' | 'impressions' | 'deviations'>;
  records: AdviceRecordStore;
  verdicts: VerdictsNow;
  clock: Clock;
  ids: IdSource;
  actor: string;
}

const recordId = (ids: IdSource) => `AR-${ids.randomId().slice(0, 16).toUpperCase()}`;

/** Records made by hand: a ranking presented without a pitch, and a correction of an earlier record. */
export function createAdviceRecords(deps: AdviceRecordDeps) {
  const { stores } = deps;

  return {
    /**
     * The advisor marks a ranking they were shown as presented to the client. Once per ranking: presenting it again
     * would make two records of one conversation.
     */
    presentRanking({ impressionId, note }: { impressionId: string; note: string }) {
      const impression = stores.impressions.get(impressionId);
      if (!impression) throw new DomainError('not_found', `No ranking ${impressionId} was shown.`);
      const existing = deps.records.forImpression(impressionId);
      if (existing)
        throw new DomainError(
          'conflict',
          `Ranking ${impressionId} is already recorded as presented (advice record ${existing}).`,
        );
      const client = stores.clients.get(impression.clientId);
      if (!client) throw new DomainError('not_found', `No client with id ${impression.clientId}.`);
      const products = new Map<string, Product>();
      for (const { productId } of [...impression.ranked, ...impression.excluded]) {
        const product = stores.products.get(productId);
        if (product) products.set(productId, product);
      }
      if (impression.ranked.length > 0 && ![...impression.ranked].some((p) => products.has(p.productId)))
        throw new DomainError(
          'validation',
          `None of the products ranking ${impressionId} recommended exists any more.`,
        );
      const verdicts = deps.verdicts(client, [...products.values()]);
      const today = deps.clock.today();
      const deviations: DeviationOnRecord[] = stores.deviations
        .forClient(client.id)
        .filter((d) => d.withdrawnAt === null)
        .map((d) => ({
          id: d.id,
          warning: d.warning,
          acknowledgedBy: d.acknowledgedBy,
          acknowledgedAt: d.acknowledgedAt,
          reason: d.reason,
        }));
      const record = presentedRankingRecord({
        id: recordId(deps.ids),
        at: deps.clock.nowIso(),
        advisor: deps.actor,
        note: note.trim(),
        client,
        market: stores.market.latest(today) ?? stores.market.latest(),
        impression,
        products,
        verdictOf: (product) => verdicts.get(product.id)!,
        deviations,
      });
      const contentHash = deps.records.add(record, { actor: deps.actor, action: 'present ranking' });
      return { id: record.id, contentHash };
    },

    /**
     * A correction of an earlier record: a new record naming it, with the reason and each statement put right. The
     * earlier record stays as it was made; readers show its corrections with it.
     */
    correct({ id, reason, changes }: { id: string; reason: string; changes: CorrectedField[] }) {
      const stored = deps.records.get(id);
      if (!stored) throw new DomainError('not_found', `No advice record ${id}.`);
      const original = stored.record;
      if (original.kind === 'correction')
        throw new DomainError(
          'validation',
          `Advice record ${id} is itself a correction; correct the record it corrects (${original.corrects.id}) instead.`,
        );
      if (!stored.intact)
        throw new DomainError(
          'validation',
          `Advice record ${id} no longer matches its hash: it was changed outside the app. Run advisor-desk audit verify before correcting it.`,
        );
      const why = reason.trim();
      if (why.length < 10)
        throw new DomainError('validation', 'Say why the record is corrected (10 characters at least).');
      const kept = changes
        .map((c) => ({ field: c.field.trim(), was: c.was.trim(), now: c.now.trim() }))
        .filter((c) => c.field !== '' || c.was !== '' || c.now !== '');
      if (kept.length === 0)
        throw new DomainError('validation', 'Name at least one statement the correction puts right (field, was, now).');
      const unnamed = kept.findIndex((c) => c.field === '' || c.now === '' || c.was === c.now);
      if (unnamed >= 0)
        throw new DomainError(
          'validation',
          `Correction ${unnamed + 1} needs a field, what the record said and what is right instead (and the two must differ).`,
        );
      const record: CorrectionRecord = {
        schema: ADVICE_RECORD_SCHEMA,
        id: recordId(deps.ids),
        kind: 'correction',
        createdAt: deps.clock.nowIso(),
        advisor: deps.actor,
        approver: null,
        client: { id: original.client.id },
        corrects: { id: original.id, kind: original.kind, contentHash: stored.contentHash },
        reason: why,
        changes: kept,
      };
      const contentHash = deps.records.add(record, { actor: deps.actor, action: `correct ${original.id}` });
      return { id: record.id, contentHash };
    },
  };
}

export type AdviceRecords = ReturnType<typeof createAdviceRecords>;
