import type { HandlerTable } from '../../app/contract/dispatch';
import { DomainError } from '../../app/domain/domain-error';
import type { AdviceRecordStore } from '../../app/ports/advice-records';
import { createAdviceRecords } from '../../app/use-cases/advice-records';
import {
  getAdviceRecord,
  insertAdviceRecord,
  listAdviceRecords,
  recordForImpression,
} from '../db/advice-record-repository';
import { appendAudit } from '../db/audit-log';
import { verdictsFor } from '../model/pair-suitability';
import type { BackendContext } from './backend-context';
import type { RecordExportChannel } from './record-export-handlers';

/** The export and search channels are answered by record-export-handlers.ts. */
type RecordChannel = Exclude<Extract<keyof HandlerTable, `records:${string}`>, RecordExportChannel>;
export type RecordHandlers = Pick<HandlerTable, RecordChannel>;

/** The store side of advice records: each record is added with its audit entry in one transaction. */
export function adviceRecordStoreOf(ctx: BackendContext): AdviceRecordStore {
  const { db } = ctx;
  return {
    add(record, audit) {
      return db.transaction(() => {
        const contentHash = insertAdviceRecord(db, record);
        appendAudit(db, {
          at: record.createdAt,
          actor: audit.actor,
          entity: 'advice_record',
          entityId: record.id,
          action: audit.action,
          before: null,
          after: { kind: record.kind, client: record.client.id, contentHash },
        });
        return contentHash;
      })();
    },
    get: (id) => getAdviceRecord(db, id),
    forImpression: (impressionId) => recordForImpression(db, impressionId),
  };
}

/** Reading advice records, and the two made by hand: a ranking presented without a pitch, and a correction. */
export function recordHandlers(ctx: BackendContext): RecordHandlers {
  const { db } = ctx;
  const records = createAdviceRecords({
    stores: ctx.stores,
    records: adviceRecordStoreOf(ctx),
    verdicts: (client, products) => verdictsFor(db, client, products, ctx.today()),
    clock: ctx,
    ids: ctx.ids,
    get actor() {
      return ctx.actor;
    },
  });
  const changed = (clientId: string) => ctx.emit('data:changed', { entity: 'records', id: clientId });
  return {
    'records:for-client': ({ clientId }) => listAdviceRecords(db, clientId),
    'records:get': ({ id }) => {
      const stored = getAdviceRecord(db, id);
      if (!stored) throw new DomainError('not_found', `No advice record ${id}.`);
      return stored;
    },
    'records:present-ranking': (input) => {
      const made = records.presentRanking(input);
      changed(getAdviceRecord(db, made.id)!.record.client.id);
      return made;
    },
    'records:correct': (input) => {
      const made = records.correct(input);
      changed(getAdviceRecord(db, made.id)!.record.client.id);
      return made;
    },
  };
}
