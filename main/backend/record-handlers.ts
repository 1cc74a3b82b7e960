import type { HandlerTable } from '../../app/contract/dispatch';
import { DomainError } from '../../app/domain/domain-error';
import { APP_VERSION } from '../app-version';
import {
  adviceRecordPeople,
  getAdviceRecord,
  listAdviceRecords,
  searchAdviceRecords,
} from '../db/advice-record-repository';
import { ExportJobs } from '../records/export-jobs';
import { exportsDirOf } from '../records/exports-dir';
import type { BackendContext } from './backend-context';

type RecordChannel =
  | 'records:for-client'
  | 'records:get'
  | 'records:search'
  | 'records:advisors'
  | 'records:export-start'
  | 'records:export-cancel'
  | 'records:show-export';

/**
 * Advice records for the client page and the Compliance page: reading them, and exporting a period as a job.
 * Who may export is decided before these run (roles come with named users); nothing here changes a record.
 */
export function recordHandlers(ctx: BackendContext): { handlers: Pick<HandlerTable, RecordChannel>; close(): void } {
  const { db } = ctx;
  const jobs = new ExportJobs({
    db,
    exportsDir: exportsDirOf(ctx.dataDir),
    now: () => new Date(ctx.nowIso()),
    appVersion: APP_VERSION,
    randomId: ctx.randomId,
    emit: (event, payload) => ctx.emit(event, payload),
  });
  return {
    handlers: {
      'records:for-client': ({ clientId }) => listAdviceRecords(db, clientId),
      'records:get': ({ id }) => {
        const stored = getAdviceRecord(db, id);
        if (!stored) throw new DomainError('not_found', `No advice record ${id}.`);
        return stored;
      },
      'records:search': ({ offset, limit, ...filter }) => searchAdviceRecords(db, filter, { offset, limit }),
      'records:advisors': () => adviceRecordPeople(db),
      'records:export-start': (request) => jobs.start(request),
      'records:export-cancel': ({ jobId }) => jobs.cancel(jobId),
      // Only the desktop app can open a file manager; its main process answers this channel before it gets here.
      'records:show-export': () => ({ shown: false }),
    },
    close: () => jobs.cancelAll(),
  };
}
