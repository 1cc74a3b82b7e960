import { DomainError } from '../domain/domain-error';

/**
 * A batch preparation of meetings: one item per client, each going through its steps (ranking, a draft per top
 * product, the meeting pack) in order. What is finished is kept on the item, so the next step is always derived from
 * the item itself: a job resumed after a restart carries on without redoing anything.
 */

export const PREPARATION_STATES = ['running', 'paused', 'cancelled', 'completed'] as const;
export type PreparationState = (typeof PREPARATION_STATES)[number];

export type PreparationAction = 'pause' | 'resume' | 'cancel' | 'finish' | 'interrupt';

/** How the job's drafts were written: by a loaded model (its file), or from templates. */
export type PreparationEngine = { kind: 'model'; file: string } | { kind: 'template' };

export interface PreparedDraft {
  productId: string;
  /** The pitch draft written; null when drafting failed (error says why). */
  draftId: string | null;
  version: number | null;
  source: 'model' | 'template' | null;
  error: string | null;
}

export interface PreparationItem {
  position: number;
  meetingId: string;
  clientId: string;
  /** The ranking's impression (logged as shown in a batch); null until ranked. */
  impressionId: string | null;
  /** The products chosen for drafts, best first; null until ranked. */
  products: string[] | null;
  drafts: PreparedDraft[];
  /** The meeting pack's file name inside the job's folder; null until written. */
  packFile: string | null;
  /** Why this client could not be prepared; the job goes on with the next. */
  error: string | null;
}

export interface PreparationJob {
  id: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  state: PreparationState;
  /** The backend stopped while the job ran (closed, restarted): it waits, paused, to be resumed. */
  interrupted: boolean;
  label: string;
  outDir: string;
  /** Drafts per client: the top suitable products. */
  top: number;
  /** The engine of the latest draft; null before the first. */
  engine: PreparationEngine | null;
  items: PreparationItem[];
}

export type PreparationStep =
  { kind: 'rank' } | { kind: 'draft'; productId: string } | { kind: 'pack' } | { kind: 'done' };

/** What an item needs next, from what it already has. */
export function nextStep(item: PreparationItem): PreparationStep {
  if (item.error !== null) return { kind: 'done' };
  if (item.products === null) return { kind: 'rank' };
  const waiting = item.products.find((p) => !item.drafts.some((d) => d.productId === p));
  if (waiting !== undefined) return { kind: 'draft', productId: waiting };
  if (item.packFile === null) return { kind: 'pack' };
  return { kind: 'done' };
}

export type ItemStatus = 'waiting' | 'working' | 'done' | 'failed';

export function itemStatus(item: PreparationItem, working: boolean): ItemStatus {
  if (item.error !== null) return 'failed';
  if (nextStep(item).kind === 'done') return 'done';
  if (working) return 'working';
  return 'waiting';
}

/** Steps an item takes in all (known once ranked), and how many it has taken: for the progress bars. */
export function itemSteps(item: PreparationItem, top: number): { done: number; total: number } {
  const drafts = item.products?.length ?? top;
  const total = 1 + drafts + 1;
  if (item.error !== null || nextStep(item).kind === 'done') return { done: total, total };
  const done = (item.products === null ? 0 : 1) + item.drafts.length + (item.packFile === null ? 0 : 1);
  return { done, total };
}

const MOVES: Record<PreparationAction, { from: readonly PreparationState[]; to: PreparationState }> = {
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  cancel: { from: ['running', 'paused'], to: 'cancelled' },
  finish: { from: ['running'], to: 'completed' },
  interrupt: { from: ['running'], to: 'paused' },
};

/** The state after an action, or a conflict naming why it cannot happen now (a finished job cannot be paused). */
export function transition(state: PreparationState, action: PreparationAction): PreparationState {
  const move = MOVES[action];
  if (!move.from.includes(state))
    throw new DomainError('conflict', `A preparation that is ${state} cannot be asked to ${action}.`);
  return move.to;
}

export const isFinished = (state: PreparationState): boolean => state === 'cancelled' || state === 'completed';

/**
 * One item per client, in meeting order: a client met twice in the batch is prepared once (the first meeting).
 */
export function itemsFor(meetings: readonly { id: string; clientId: string }[]): PreparationItem[] {
  const seen = new Set<string>();
  const items: PreparationItem[] = [];
  for (const m of meetings) {
    if (seen.has(m.clientId)) continue;
    seen.add(m.clientId);
    items.push({
      position: items.length,
      meetingId: m.id,
      clientId: m.clientId,
      impressionId: null,
      products: null,
      drafts: [],
      packFile: null,
      error: null,
    });
  }
  return items;
}
