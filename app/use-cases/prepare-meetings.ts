import type { PreparationItemView, PreparationJobView } from '../contract/preparation-channels';
import { DomainError } from '../domain/domain-error';
import {
  itemSteps,
  itemStatus,
  itemsFor,
  isFinished,
  nextStep,
  transition,
  type PreparationAction,
  type PreparationEngine,
  type PreparationItem,
  type PreparationJob,
  type PreparationState,
} from '../meetings/preparation-job';

/** Where jobs and their items are kept; every finished step is written before the next starts. */
export interface PreparationStore {
  create(job: PreparationJob): void;
  get(jobId: string): PreparationJob | null;
  list(limit: number): PreparationJob[];
  /** Ids of jobs stored as running. */
  running(): string[];
  setState(jobId: string, state: PreparationState, interrupted: boolean, at: string): void;
  setEngine(jobId: string, engine: PreparationEngine, at: string): void;
  saveItem(jobId: string, item: PreparationItem, at: string): void;
  /** The items naming these meetings, with their job's id and state, newest job first. */
  itemsOfMeetings(meetingIds: readonly string[]): { jobId: string; state: PreparationState; item: PreparationItem }[];
}

/** How far a meeting's preparation has got, as the agenda shows it. */
export type MeetingPreparationStatus = 'queued' | 'preparing' | 'prepared' | 'failed';

export interface MeetingToPrepare {
  id: string;
  clientId: string;
  clientName: string;
  startsAt: string;
}

export interface DraftMade {
  draftId: string | null;
  version: number | null;
  source: 'model' | 'template' | null;
  /** The model file that wrote it; null for a template draft. */
  file: string | null;
  error: string | null;
  /** The draft was stopped (the job cancelled or the backend closing): nothing to keep. */
  stopped: boolean;
}

export interface PrepareMeetingsDeps {
  store: PreparationStore;
  /** Names and times for the views: the meetings (and clients) an item refers to. */
  meetingsOf(ids: readonly string[]): MeetingToPrepare[];
  /** The client's ranking, logged as shown in a batch: its impression and the top suitable products. */
  rank(clientId: string, top: number): Promise<{ impressionId: string | null; productIds: string[] }>;
  /** A pitch draft in the client's language, by the loaded model or the template; resolves when it has ended. */
  draft(clientId: string, productId: string, signal: AbortSignal): Promise<DraftMade>;
  /** Writes the client's meeting pack into the job's folder; answers the file's name there. */
  writePack(job: PreparationJob, item: PreparationItem): Promise<string>;
  emit(view: PreparationJobView): void;
  /** Lets the backend answer other requests between two steps. */
  pause(): Promise<void>;
  clock: { nowIso(): string };
  ids: { randomId(): string };
  readonly actor: string;
}

export interface StartPreparation {
  meetings: readonly MeetingToPrepare[];
  label: string;
  top: number;
  /** The job's folder; given the job's id when left to the caller. */
  outDir: (jobId: string) => string;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Preparing meetings in a batch: for each client, the ranking (an impression), a draft for each of the top suitable
 * products, and the meeting pack. One job runs its steps one at a time and yields between them, so the backend stays
 * responsive; pause takes effect after the current step, cancel stops the current draft. A job left running when the
 * backend closed is found paused (interrupted) at the next open, and resuming it skips every finished step.
 */
export function createPrepareMeetings(deps: PrepareMeetingsDeps) {
  const { store } = deps;
  const active = new Map<string, { stop: AbortController; working: number | null }>();
  const runs = new Map<string, Promise<void>>();
  let closed = false;

  function view(job: PreparationJob): PreparationJobView {
    const meetings = new Map(deps.meetingsOf(job.items.map((i) => i.meetingId)).map((m) => [m.id, m]));
    const working = active.get(job.id)?.working ?? null;
    const items: PreparationItemView[] = job.items.map((item) => {
      const meeting = meetings.get(item.meetingId);
      const steps = itemSteps(item, job.top);
      return {
        position: item.position,
        meetingId: item.meetingId,
        clientId: item.clientId,
        clientName: meeting?.clientName ?? item.clientId,
        startsAt: meeting?.startsAt ?? null,
        status: itemStatus(item, working === item.position && job.state === 'running'),
        stepsDone: steps.done,
        stepsTotal: steps.total,
        ranked: item.products !== null,
        drafts: item.drafts.map(({ productId, draftId, version, source, error }) => ({
          productId,
          draftId,
          version,
          source,
          error,
        })),
        draftsWanted: item.products?.length ?? null,
        packFile: item.packFile,
        error: item.error,
      };
    });
    return {
      id: job.id,
      createdAt: job.createdAt,
      state: job.state,
      interrupted: job.interrupted,
      label: job.label,
      outDir: job.outDir,
      top: job.top,
      engine: job.engine,
      total: items.length,
      done: items.filter((i) => i.status === 'done').length,
      failed: items.filter((i) => i.status === 'failed').length,
      items,
    };
  }

  function mustGet(jobId: string): PreparationJob {
    const job = store.get(jobId);
    if (!job) throw new DomainError('not_found', `No preparation job ${jobId}.`);
    return job;
  }

  function announce(jobId: string): PreparationJobView {
    const shown = view(mustGet(jobId));
    deps.emit(shown);
    return shown;
  }

  async function perform(job: PreparationJob, item: PreparationItem, signal: AbortSignal): Promise<boolean> {
    const step = nextStep(item);
    const at = () => deps.clock.nowIso();
    if (step.kind === 'rank') {
      const ranking = await deps.rank(item.clientId, job.top);
      if (closed) return false;
      store.saveItem(job.id, { ...item, impressionId: ranking.impressionId, products: ranking.productIds }, at());
    } else if (step.kind === 'draft') {
      const made = await deps.draft(item.clientId, step.productId, signal);
      // A stopped draft is not kept: the step is done again when the job is resumed.
      if (made.stopped || signal.aborted || closed) return false;
      const drafts = [
        ...item.drafts,
        {
          productId: step.productId,
          draftId: made.draftId,
          version: made.version,
          source: made.source,
          error: made.error,
        },
      ];
      store.saveItem(job.id, { ...item, drafts }, at());
      if (made.source)
        store.setEngine(
          job.id,
          made.source === 'model' && made.file ? { kind: 'model', file: made.file } : { kind: 'template' },
          at(),
        );
    } else if (step.kind === 'pack') {
      const packFile = await deps.writePack(job, item);
      if (closed) return false;
      store.saveItem(job.id, { ...item, packFile }, at());
    }
    return true;
  }

  function run(jobId: string): void {
    if (active.has(jobId) || closed) return;
    const running = steps(jobId).finally(() => runs.delete(jobId));
    runs.set(jobId, running);
  }

  async function steps(jobId: string): Promise<void> {
    const control = { stop: new AbortController(), working: null as number | null };
    active.set(jobId, control);
    try {
      for (;;) {
        await deps.pause();
        if (closed || control.stop.signal.aborted) return;
        const job = store.get(jobId);
        if (!job || job.state !== 'running') return;
        const item = job.items.find((i) => nextStep(i).kind !== 'done');
        if (!item) {
          store.setState(jobId, transition(job.state, 'finish'), false, deps.clock.nowIso());
          control.working = null;
          announce(jobId);
          return;
        }
        if (control.working !== item.position) {
          control.working = item.position;
          announce(jobId);
        }
        try {
          if (!(await perform(job, item, control.stop.signal))) continue;
        } catch (error) {
          if (closed) return;
          // This client cannot be prepared (a missing client, a pack that failed): say why and go on.
          store.saveItem(jobId, { ...item, error: errorText(error) }, deps.clock.nowIso());
        }
        if (closed) return;
        announce(jobId);
      }
    } finally {
      active.delete(jobId);
    }
  }

  function act(jobId: string, action: PreparationAction): PreparationJobView {
    const job = mustGet(jobId);
    const state = transition(job.state, action);
    store.setState(jobId, state, false, deps.clock.nowIso());
    if (action === 'cancel') active.get(jobId)?.stop.abort();
    if (action === 'resume') run(jobId);
    return announce(jobId);
  }

  return {
    start(input: StartPreparation): PreparationJobView {
      if (input.meetings.length === 0) throw new DomainError('validation', 'There are no meetings to prepare.');
      const id = `PJ-${deps.ids.randomId().slice(0, 16).toUpperCase()}`;
      const at = deps.clock.nowIso();
      const job: PreparationJob = {
        id,
        createdAt: at,
        createdBy: deps.actor,
        updatedAt: at,
        state: 'running',
        interrupted: false,
        label: input.label,
        outDir: input.outDir(id),
        top: input.top,
        engine: null,
        items: itemsFor(input.meetings),
      };
      store.create(job);
      run(id);
      return view(job);
    },
    pause: (jobId: string) => act(jobId, 'pause'),
    resume: (jobId: string) => act(jobId, 'resume'),
    cancel: (jobId: string) => act(jobId, 'cancel'),
    get: (jobId: string) => view(mustGet(jobId)),
    list: (limit: number) => store.list(limit).map(view),
    /** Jobs left running by a backend that stopped: paused and marked interrupted, to be resumed by the advisor. */
    recoverInterrupted(): string[] {
      const ids = store.running().filter((id) => !active.has(id));
      for (const id of ids) store.setState(id, transition('running', 'interrupt'), true, deps.clock.nowIso());
      return ids;
    },
    /** Resolves when the job is no longer running its steps here (finished, paused, cancelled). */
    settled: (jobId: string): Promise<void> => runs.get(jobId) ?? Promise.resolve(),
    isFinished: (jobId: string) => isFinished(mustGet(jobId).state),
    /**
     * Each meeting's preparation in the newest job that holds it: prepared or failed once its item is finished,
     * preparing while its step runs, queued while its job waits (running or paused); a cancelled job's unfinished
     * item leaves the meeting as not prepared (absent), unless an older job prepared it.
     */
    statusByMeeting(meetingIds: readonly string[]): Map<string, MeetingPreparationStatus> {
      const found = new Map<string, MeetingPreparationStatus>();
      for (const { jobId, state, item } of store.itemsOfMeetings(meetingIds)) {
        if (found.has(item.meetingId)) continue;
        const status = itemStatus(item, active.get(jobId)?.working === item.position && state === 'running');
        if (status === 'done') found.set(item.meetingId, 'prepared');
        else if (status === 'failed') found.set(item.meetingId, 'failed');
        else if (!isFinished(state)) found.set(item.meetingId, status === 'working' ? 'preparing' : 'queued');
      }
      return found;
    },
    /** The backend is closing: stop at once and write nothing more; running jobs stay running in the store. */
    close(): void {
      closed = true;
      for (const control of active.values()) control.stop.abort();
    },
  };
}

export type PrepareMeetings = ReturnType<typeof createPrepareMeetings>;
