import { useCallback, useRef, useState } from 'react';
import type { EventPayload, ExportJobRequest, ExportResult } from '../../../../app/contract';

export type { ExportJobRequest };
import { call } from '../../api/call';
import { useBridgeEvent } from '../../api/use-bridge-event';

export type ExportJobState =
  | { state: 'idle' }
  | { state: 'running'; jobId: string; folder: string; progress: EventPayload<'records:export-progress'> | null }
  | { state: 'completed'; result: ExportResult }
  | { state: 'cancelled' }
  | { state: 'failed'; error: string };

/** One export started from this page: its progress and how it ended, from the backend's events. */
export function useExportJob(): {
  job: ExportJobState;
  start(request: ExportJobRequest): Promise<void>;
  cancel(): Promise<void>;
} {
  const [job, setJob] = useState<ExportJobState>({ state: 'idle' });
  // Ends heard before the start's answer named the job (they travel the same way, so this is a safeguard).
  const early = useRef(new Map<string, EventPayload<'records:export-done'>>());
  const ended = (done: EventPayload<'records:export-done'>): ExportJobState => {
    if (done.outcome === 'completed' && done.result) return { state: 'completed', result: done.result };
    if (done.outcome === 'cancelled') return { state: 'cancelled' };
    return { state: 'failed', error: done.error ?? '' };
  };
  useBridgeEvent('records:export-progress', (progress) =>
    setJob((current) =>
      current.state === 'running' && current.jobId === progress.jobId ? { ...current, progress } : current,
    ),
  );
  useBridgeEvent('records:export-done', (done) => {
    early.current.set(done.jobId, done);
    setJob((current) => (current.state === 'running' && current.jobId === done.jobId ? ended(done) : current));
  });
  const start = useCallback(async (request: ExportJobRequest) => {
    setJob({ state: 'running', jobId: '', folder: '', progress: null });
    try {
      const { jobId, folder } = await call('records:export-start', request);
      const done = early.current.get(jobId);
      setJob(done ? ended(done) : { state: 'running', jobId, folder, progress: null });
    } catch (error) {
      setJob({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }, []);
  const cancel = useCallback(async () => {
    if (job.state !== 'running') return;
    await call('records:export-cancel', { jobId: job.jobId });
  }, [job]);
  return { job, start, cancel };
}
