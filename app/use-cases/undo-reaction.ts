import { DomainError } from '../domain/domain-error';
import type { Clock, EventSink, Stores } from '../ports';
import type { LiveModelCache } from './live-model-cache';

/** How long after recording a reaction its advisor can take it back. */
export const UNDO_MINUTES = 10;

interface Learned {
  version: number;
  /** The live version's parameters before it learned the reaction, as stored. */
  paramsBefore: string;
  /** The version's online update count right after it learned it. */
  updatesAfter: number;
}

/**
 * What the live model was before each recent reaction it learned, kept in memory for the undo window: an undo can
 * then put the model back exactly, as long as nothing was learned after it.
 */
export class RecentLearning {
  private readonly entries = new Map<string, Learned>();

  constructor(private readonly maxEntries = 50) {}

  remember(interactionId: string, entry: Learned): void {
    this.entries.set(interactionId, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  take(interactionId: string): Learned | null {
    const entry = this.entries.get(interactionId) ?? null;
    this.entries.delete(interactionId);
    return entry;
  }
}

export interface UndoReactionDeps {
  stores: Pick<Stores, 'interactions' | 'modelVersions' | 'transactions'>;
  cache: LiveModelCache;
  learning: RecentLearning;
  clock: Clock;
  events: EventSink;
  actor: string;
}

export interface UndoneReaction {
  interactionId: string;
  /** The live model was put back to what it was before it learned the reaction. */
  modelReverted: boolean;
  /** Why it was not, when it was not: the next retrain leaves the reaction out either way. */
  note: string | null;
}

/**
 * Takes back a reaction recorded by mistake, within minutes and by the person who recorded it: the row is kept and
 * marked undone (the audit trail says who and when), every reader leaves it out, and the live model forgets it when
 * nothing was learned since.
 */
export function createUndoReaction(deps: UndoReactionDeps): (input: { interactionId: string }) => UndoneReaction {
  const { stores } = deps;
  return ({ interactionId }) => {
    const interaction = stores.interactions.get(interactionId);
    if (!interaction) throw new DomainError('not_found', `No recorded reaction ${interactionId}.`);
    if (interaction.undoneAt !== null)
      throw new DomainError('conflict', `Reaction ${interactionId} was already undone at ${interaction.undoneAt}.`);
    if (interaction.advisorId !== deps.actor)
      throw new DomainError(
        'validation',
        `Only the person who recorded a reaction can undo it (${interaction.advisorId} recorded ${interactionId}).`,
      );
    const now = deps.clock.nowIso();
    const age = Date.parse(now) - Date.parse(interaction.occurredAt);
    if (age > UNDO_MINUTES * 60_000)
      throw new DomainError(
        'validation',
        `A reaction can be undone within ${UNDO_MINUTES} minutes of recording it; ${interactionId} was recorded at ${interaction.occurredAt}. Record the client's actual reaction instead.`,
      );
    const learned = deps.learning.take(interactionId);
    const live = deps.cache.current();
    let modelReverted = false;
    stores.transactions.write(() => {
      stores.interactions.undo(interactionId, { at: now, actor: deps.actor });
      if (learned && live && live.version === learned.version)
        modelReverted = stores.modelVersions.revertOnlineUpdate(
          learned.version,
          learned.paramsBefore,
          learned.updatesAfter,
          now,
        );
    });
    // Reread the reverted parameters from the store on next use.
    if (modelReverted) deps.cache.forget();
    deps.events.emit('data:changed', { entity: 'interactions', id: interaction.clientId });
    if (modelReverted) deps.events.emit('data:changed', { entity: 'model' });
    const note = modelReverted
      ? null
      : learned
        ? 'the live model has learned other reactions since; the next retrain leaves this one out'
        : 'the live model did not learn it in this session; the next retrain leaves it out';
    return { interactionId, modelReverted, note };
  };
}
