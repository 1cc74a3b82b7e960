import type { ClientRanking, PitchDraftView } from '../../app/contract';
import { DEMO_REVIEWER_ID } from '../../app/demo/demo-users';
import { createPrng } from '../../app/demo/prng';
import { DomainError } from '../../app/domain/domain-error';
import type { Outcome } from '../../app/domain';
import { ClientListQuerySchema } from '../../app/domain/client';
import type { Retrainer } from '../../app/use-cases/retrain';
import { LiveModelCache } from '../../app/use-cases/live-model-cache';
import { createRankClient } from '../../app/use-cases/rank-client';
import { ModelSignals } from '../model/model-signals';
import { withDeps, type BackendContext } from './backend-context';
import { engineHandlers } from './engine-handlers';
import { pitchHandlers } from './pitch-handlers';
import { recordHandlers } from './record-handlers';

const DAY = 86_400_000;
const ADVISORS = ['ADV-01', 'ADV-02', 'ADV-03', 'ADV-04'] as const;
/** How far back the history reaches, and how many client meetings it holds. */
const HISTORY_DAYS = 90;
const MEETINGS = 36;

/**
 * A few months of advice on a new demo book, made through the same use-cases as the window: rankings shown to an
 * advisor (kept as impressions), some presented to the client (advice records), reactions recorded from them,
 * template pitches drafted, submitted and reviewed by the branch's reviewer (most approved, some sent back and
 * approved after an edit), and a correction. The clock is moved through the past for each step, so every record,
 * review and audit entry carries the day it stands for. The rankings are in popularity order: the history stands for
 * the months before the first model was trained, which the first ranking in the window still does.
 */
export async function seedDemoHistory(ctx: BackendContext): Promise<void> {
  const end = Date.parse(`${ctx.today()}T00:00:00.000Z`) - DAY;
  let at = end - HISTORY_DAYS * DAY;
  let actor: string = ADVISORS[0];
  const done = new Map<string, () => void>();
  const nowIso = () => new Date(at).toISOString();
  const today = () => nowIso().slice(0, 10);
  const hist: BackendContext = Object.create(ctx) as BackendContext;
  Object.defineProperties(hist, {
    actor: { get: () => actor },
    nowIso: { value: nowIso },
    today: { value: today },
    clock: { value: { nowIso, today } },
    // Nobody is listening while the store is made; only the end of each drafted pitch matters here.
    emit: {
      value: (event: string, payload: { requestId?: string }) => {
        if (event === 'pitch:done' && payload.requestId) done.get(payload.requestId)?.();
      },
    },
    events: { value: { emit: () => undefined } },
  });
  const history: Retrainer = {
    retrain: () => Promise.reject(new DomainError('validation', 'the history predates the first model')),
    inFlight: () => null,
  };
  const rank = createRankClient(
    withDeps(hist, {
      cache: new LiveModelCache(hist.stores.modelVersions),
      retrainer: history,
      signals: new ModelSignals(hist),
    }),
  );
  const engine = engineHandlers(hist);
  const pitches = pitchHandlers(hist);
  const records = recordHandlers(hist);
  const random = createPrng(20261203);
  const pick = <T>(items: readonly T[]): T => random.pick(items);
  const clients = hist.stores.clients.list(ClientListQuerySchema.parse({ limit: 200 }), nowIso()).rows.map((c) => c.id);
  const step = (HISTORY_DAYS * DAY) / MEETINGS;

  async function draftAndReview(ranking: ClientRanking, index: number): Promise<void> {
    const product = ranking.ranked[0]!;
    const started = await pitches['pitch:start']({
      clientId: ranking.clientId,
      productId: product.productId,
      source: 'template',
      settings: { language: index % 3 === 0 ? 'zh-CN' : 'en', tone: 'formal', length: 'medium' },
    });
    await new Promise<void>((resolve) => done.set(started.requestId, resolve));
    let draft: PitchDraftView = await pitches['pitch:get']({ draftId: started.draftId });
    let version = draft.versions.at(-1)!;
    if (!version.approvable) return;
    await pitches['pitch:submit-review']({ draftId: draft.id, version: version.version });
    at += 3 * 3_600_000;
    actor = DEMO_REVIEWER_ID;
    if (index % 4 === 2) {
      // Sent back: the advisor tightens the next step and submits again.
      await pitches['pitch:review']({
        draftId: draft.id,
        version: version.version,
        decision: 'send-back',
        rubric: { accuracy: 4, suitability: 4, clarity: 2, compliance: 4 },
        comment: 'The next step should name a date for the follow-up call.',
      });
      at += 3_600_000;
      actor = draft.versions[0]!.author;
      const content = { ...version.content, nextStep: `${version.content.nextStep} (follow-up call next week)` };
      draft = await pitches['pitch:save']({ draftId: draft.id, baseVersion: version.version, content });
      version = draft.versions.at(-1)!;
      if (!version.approvable) return;
      await pitches['pitch:submit-review']({ draftId: draft.id, version: version.version });
      at += 2 * 3_600_000;
      actor = DEMO_REVIEWER_ID;
    }
    await pitches['pitch:review']({
      draftId: draft.id,
      version: version.version,
      decision: 'approve',
      rubric: { accuracy: 5, suitability: 5, clarity: index % 2 === 0 ? 4 : 5, compliance: 5 },
      comment: '',
    });
  }

  let presented: string | null = null;
  for (let i = 0; i < MEETINGS; i++) {
    at = end - HISTORY_DAYS * DAY + Math.round(i * step + random.next() * step * 0.5) + 9 * 3_600_000;
    actor = ADVISORS[i % ADVISORS.length]!;
    const clientId = clients[(i * 37) % clients.length]!;
    const ranking = await rank({ clientId, top: 8, shownOn: 'app' });
    if (ranking.ranked.length === 0) continue;
    at += 20 * 60_000;
    if (i % 3 !== 2) {
      const made = await records['records:present-ranking']({
        impressionId: ranking.impressionId!,
        note: pick(['Went through the list at the branch.', 'Discussed by phone.', 'Shown on screen in the meeting.']),
      });
      if (i === 4) presented = made.id;
    }
    const outcome: Outcome = pick(['interested', 'declined', 'no_response', 'accepted', 'interested']);
    await engine['outcomes:record']({
      clientId,
      // Every other meeting the reaction is to the product pitched after it, so the funnel's conversion per pitch
      // has something to show; otherwise to the second product, which was shown but not pitched.
      productId: ranking.ranked[i % 2 === 0 ? 0 : Math.min(1, ranking.ranked.length - 1)]!.productId,
      outcome,
      channel: pick(['meeting', 'call', 'branch']),
      note: '',
      impressionId: ranking.impressionId!,
      confirmRepeat: true,
    });
    if (i % 2 === 0) await draftAndReview(ranking, i);
  }
  if (presented) {
    at = end - 10 * DAY + 10 * 3_600_000;
    actor = ADVISORS[0];
    await records['records:correct']({
      id: presented,
      reason: 'The client asked for the meeting to be noted as held by video call.',
      changes: [{ field: 'How it was presented', was: 'at the branch', now: 'by video call' }],
    });
  }
}
