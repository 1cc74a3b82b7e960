import { createHash, randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { HandlerTable } from '../../app/contract/dispatch';
import { DomainError } from '../../app/domain/domain-error';
import type { PitchStore, PitchSubjects } from '../../app/ports/pitch-store';
import { createPitchDrafting, type DraftPitchDeps, type PitchDrafting } from '../../app/use-cases/draft-pitch';
import { createPitchReview } from '../../app/use-cases/pitch/review-pitch';
import { draftUnderExperiment } from '../../app/use-cases/experiments';
import { sqliteExperimentStore } from '../db/experiment-repository';
import { getClient } from '../db/client-repository';
import { listDeviationsForClient } from '../db/deviation-repository';
import { latestShowing } from '../db/impression-repository';
import { latestMarketSnapshot } from '../db/market-repository';
import {
  addPitchVersion,
  approvePitchDraft,
  createPitchDraft,
  dropEmptyPitchDraft,
  getPitchDraft,
  getPitchDraftRow,
  listPitchDrafts,
} from '../db/pitch-draft-repository';
import { getReviewPolicy, insertReview, submitForReview } from '../db/pitch-review-repository';
import { getProduct } from '../db/product-repository';
import { getUser } from '../db/user-repository';
import { pairSuitability } from '../model/pair-suitability';
import type { BackendContext } from './backend-context';

// The pitch PDF is written in pdf-handlers.ts with the other documents.
type PitchChannel = Exclude<Extract<keyof HandlerTable, `pitch:${string}`>, 'pitch:export-pdf'>;
export type PitchHandlers = Pick<HandlerTable, PitchChannel>;

export function pitchStoreOf(ctx: BackendContext): PitchStore {
  const { db } = ctx;
  return {
    createDraft: async (draft) => createPitchDraft(db, draft),
    draft: async (id) => getPitchDraftRow(db, id),
    addVersion: async (draftId, version) => addPitchVersion(db, draftId, version),
    dropIfEmpty: async (draftId) => dropEmptyPitchDraft(db, draftId),
    list: async (clientId) => listPitchDrafts(db, clientId),
    view: async (draftId) => getPitchDraft(db, draftId),
    approve: async (draftId, version, meta, record, review) =>
      approvePitchDraft(db, draftId, version, meta, record, review),
  };
}

export function pitchSubjectsOf(ctx: BackendContext): PitchSubjects {
  const { db } = ctx;
  return {
    async subjectOf(clientId, productId) {
      const client = getClient(db, clientId);
      if (!client) throw new DomainError('not_found', `No client with id ${clientId}.`);
      const product = getProduct(db, productId);
      if (!product) throw new DomainError('not_found', `No product with id ${productId}.`);
      const today = ctx.today();
      return {
        client,
        product,
        verdict: pairSuitability(db, client, product, today),
        market: latestMarketSnapshot(db, today) ?? latestMarketSnapshot(db),
      };
    },
    async adviceContextOf(clientId, productId) {
      const deviation = listDeviationsForClient(db, clientId).find(
        (d) => d.productId === productId && d.withdrawnAt === null,
      );
      return {
        deviation: deviation
          ? {
              id: deviation.id,
              warning: deviation.warning,
              acknowledgedBy: deviation.acknowledgedBy,
              acknowledgedAt: deviation.acknowledgedAt,
              reason: deviation.reason,
            }
          : null,
        ranking: latestShowing(db, clientId, productId),
      };
    },
  };
}

/**
 * Drafting on the backend's language engine, with the store, the clock and the events of this backend. A caller that
 * follows drafts itself (batch preparation) gives its own `emit` and may cap the answer's length.
 */
export function pitchDraftingOf(
  ctx: BackendContext,
  options: Pick<DraftPitchDeps, 'maxAnswerTokens'> & { emit?: DraftPitchDeps['emit'] } = {},
): PitchDrafting {
  const drafting = createPitchDrafting({
    model: ctx.llm.model,
    store: pitchStoreOf(ctx),
    subjects: pitchSubjectsOf(ctx),
    emit: options.emit ?? ((event: 'pitch:delta' | 'pitch:done', payload: never) => ctx.emit(event, payload)),
    clock: {
      nowIso: ctx.nowIso,
      today: ctx.today,
      millis: () => performance.now(),
      pause: () => new Promise((resolve) => setImmediate(resolve)),
    },
    ids: {
      randomId: ctx.randomId,
      seed: () => randomInt(1, 2 ** 31 - 1),
      sha256: (text) => createHash('sha256').update(text).digest('hex'),
    },
    get actor() {
      return ctx.actor;
    },
    ...(options.maxAnswerTokens !== undefined ? { maxAnswerTokens: options.maxAnswerTokens } : {}),
  });
  // The backend closing stops running drafts, so the model can be freed.
  ctx.llm.disposeSignal.addEventListener('abort', () => drafting.stopAll(), { once: true });
  return drafting;
}

/**
 * Pitch drafting and review: app/use-cases over this backend's store and language engine. pitch:start answers at
 * once; the text follows as 'pitch:delta' events and ends with 'pitch:done'.
 */
export function pitchHandlers(ctx: BackendContext, drafting: PitchDrafting = pitchDraftingOf(ctx)): PitchHandlers {
  const review = createPitchReview({
    store: pitchStoreOf(ctx),
    subjects: pitchSubjectsOf(ctx),
    clock: ctx,
    ids: ctx.ids,
    get actor() {
      return ctx.actor;
    },
    reviews: {
      policy: async () => getReviewPolicy(ctx.db),
      submit: async (submission) => submitForReview(ctx.db, submission),
      sendBack: async (row) => insertReview(ctx.db, row),
      userName: async (id) => getUser(ctx.db, id)?.displayName ?? null,
    },
  });
  const changed = (clientId: string) => ctx.events.emit('data:changed', { entity: 'users', id: clientId });
  return {
    'pitch:start': (input) =>
      draftUnderExperiment(sqliteExperimentStore(ctx.db), (i: typeof input) => drafting.start(i), input, ctx.nowIso()),
    'pitch:stop': ({ requestId }) => drafting.stop(requestId),
    'pitch:list': ({ clientId }) => review.list(clientId),
    'pitch:get': ({ draftId }) => review.get(draftId),
    'pitch:lint': ({ draftId, content }) => review.lint(draftId, content),
    'pitch:save': ({ draftId, baseVersion, content }) => review.save(draftId, baseVersion, content),
    'pitch:approve': ({ draftId, version }) => review.approve(draftId, version),
    'pitch:facts': ({ draftId }) => review.facts(draftId),
    'pitch:submit-review': async ({ draftId, version }) => {
      const view = await review.submitForReview(draftId, version);
      changed(view.clientId);
      return view;
    },
    'pitch:review': async ({ draftId, version, decision, rubric, comment }) => {
      const view = await review.review(draftId, version, decision, rubric, comment);
      changed(view.clientId);
      return view;
    },
  };
}
