import type { HandlerTable } from '../../app/contract/dispatch';
import { APP_VERSION } from '../app-version';
import { adviceRecordPeople, searchAdviceRecords } from '../db/advice-record-repository';
import { ExportJobs } from '../records/export-jobs';
import { exportsDirOf } from '../records/exports-dir';
import type { BackendContext } from './backend-context';

export type RecordExportChannel =
  'records:search' | 'records:advisors' | 'records:export-start' | 'records:export-cancel' | 'records:show-export';

/**
 * The Compliance page's side of advice records: searching them, and exporting a period as a job. Who may export is
 * decided before these run (roles come with named users); nothing here changes a record.
 */
export function recordExportHandlers(ctx: BackendContext): {
  handlers: Pick<HandlerTable, RecordExportChannel>;
  close(): void;
} {
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
