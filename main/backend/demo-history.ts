import type { ClientRanking, PitchDraftView } from '../../app/contract';
import {
  demoRevisionRubric,
  demoRubric,
  demoSendsBack,
  weakestCriterion,
  type DemoDraftKind,
} from '../../app/demo/demo-review-scores';
import { DEMO_REVIEWER_ID, DEMO_SECOND_REVIEWER_ID } from '../../app/demo/demo-users';
import type { ReviewRubric } from '../../app/domain/desk-users';
import type { Language } from '../../app/domain/enums';
import { PITCH_LENGTHS, PITCH_TONES, templateDraft } from '../../app/pitch';
import { factsOf } from '../../app/use-cases/pitch/pitch-checks';
import { createPrng } from '../../app/demo/prng';
import { mulberry32 } from '../../app/random/mulberry32';
import { DEFAULT_EXPLORATION_RATE } from '../../app/ranking/exploration';
import { DomainError } from '../../app/domain/domain-error';
import type { Outcome } from '../../app/domain';
import { ClientListQuerySchema } from '../../app/domain/client';
import type { Retrainer } from '../../app/use-cases/retrain';
import { LiveModelCache } from '../../app/use-cases/live-model-cache';
import { createRankClient } from '../../app/use-cases/rank-client';
import { ModelSignals } from '../model/model-signals';
import { withDeps, type BackendContext } from './backend-context';
import { engineHandlers } from './engine-handlers';
import { DEMO_MODEL_FILES, DemoDraftingModel } from './demo-language-model';
import { pitchDraftingOf, pitchHandlers, pitchSubjectsOf } from './pitch-handlers';
import { recordHandlers } from './record-handlers';

const DAY = 86_400_000;
const ADVISORS = ['ADV-01', 'ADV-02', 'ADV-03', 'ADV-04'] as const;
/** How far back the history reaches, and how many client meetings it holds. */
const HISTORY_DAYS = 90;
const MEETINGS = 36;
const SEND_BACK_COMMENTS: Record<keyof ReviewRubric, string> = {
  accuracy: 'A figure does not match the product sheet: quote it exactly.',
  suitability: 'Say why this fits the client’s risk profile and horizon.',
  clarity: 'The next step should name a date for the follow-up call.',
  compliance: 'Put the risk disclosure first, word for word.',
};
const FOLLOW_UP: Record<Language, string> = {
  en: '(follow-up call next week)',
  'zh-CN': '（下周电话跟进）',
};

/**
 * A few months of advice on a new demo book, made through the same use-cases as the window: rankings shown to an
 * advisor (kept as impressions), some presented to the client (advice records), reactions recorded from them,
 * pitches drafted from the template and by the catalog's two Qwen models (their wording replayed: no model runs),
 * submitted and scored by the branch's two reviewers (most approved, weak ones sent back and approved after an edit,
 * mostly by the other reviewer), and a correction. The clock is moved through the past for each step, so every record,
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
      // The history's rankings explore at the default rate, as the app's do, so the Policy estimates page has a
      // log with propensities to work from on a new demo book; a chance of its own keeps the rest of the story fixed.
      exploration: { rate: () => DEFAULT_EXPLORATION_RATE, random: mulberry32(20261204) },
    }),
  );
  const engine = engineHandlers(hist);
  const pitches = pitchHandlers(hist);
  const records = recordHandlers(hist);
  const random = createPrng(20261203);
  const pick = <T>(items: readonly T[]): T => random.pick(items);
  const clients = hist.stores.clients.list(ClientListQuerySchema.parse({ limit: 200 }), nowIso()).rows.map((c) => c.id);
  const step = (HISTORY_DAYS * DAY) / MEETINGS;

  // Model drafts go through the same drafting use-case, on a stand-in that replays the template's wording as the
  // answer of one of the catalog's models; their reviews draw from their own stream, so the rest stays as it was.
  const model = new DemoDraftingModel();
  const modelHist: BackendContext = Object.create(hist) as BackendContext;
  Object.defineProperty(modelHist, 'llm', { value: { model, disposeSignal: hist.llm.disposeSignal } });
  const modelPitches = pitchHandlers(hist, pitchDraftingOf(modelHist));
  const subjects = pitchSubjectsOf(hist);
  const reviewing = random.fork('reviews');
  const REVIEWERS = [DEMO_REVIEWER_ID, DEMO_SECOND_REVIEWER_ID] as const;

  async function review(
    draftId: string,
    version: number,
    reviewer: string,
    decision: 'approve' | 'send-back',
    rubric: ReviewRubric,
  ): Promise<void> {
    actor = reviewer;
    await pitches['pitch:review']({
      draftId,
      version,
      decision,
      rubric,
      comment: decision === 'send-back' ? SEND_BACK_COMMENTS[weakestCriterion(rubric)] : '',
    });
  }

  /**
   * A pitch drafted (from the template, or by one of the models), submitted and reviewed: sent back when a reviewer
   * finds it weak, then edited by the advisor and decided by the branch's other reviewer (mostly), so pairs of
   * reviewers' scores of the same draft exist to compare.
   */
  async function draftAndReview(clientId: string, productId: string, kind: DemoDraftKind, turn: number): Promise<void> {
    const settings = { language: kind.language, tone: kind.tone, length: kind.length };
    if (kind.model !== null) {
      const subject = await subjects.subjectOf(clientId, productId);
      const {
        source: _s,
        language: _l,
        label: _label,
        ...content
      } = templateDraft(factsOf(subject, today()), settings);
      model.answerWith(DEMO_MODEL_FILES[kind.model]!, content);
    }
    const drafting = kind.model === null ? pitches : modelPitches;
    const started = await drafting['pitch:start']({
      clientId,
      productId,
      source: kind.model === null ? 'template' : 'model',
      settings,
    });
    await new Promise<void>((resolve) => done.set(started.requestId, resolve));
    let draft: PitchDraftView = await pitches['pitch:get']({ draftId: started.draftId });
    let version = draft.versions.at(-1);
    if (!version?.approvable) return;
    const author = actor;
    await pitches['pitch:submit-review']({ draftId: draft.id, version: version.version });
    at += 3 * 3_600_000;
    const first = REVIEWERS[turn % 2]!;
    const rubric = demoRubric(kind, first, reviewing);
    if (!demoSendsBack(rubric, reviewing)) return review(draft.id, version.version, first, 'approve', rubric);
    await review(draft.id, version.version, first, 'send-back', rubric);
    // The advisor tightens the next step and submits again; the other reviewer usually takes the revision.
    at += 3_600_000;
    actor = author;
    const content = { ...version.content, nextStep: `${version.content.nextStep} ${FOLLOW_UP[kind.language]}` };
    draft = await pitches['pitch:save']({ draftId: draft.id, baseVersion: version.version, content });
    version = draft.versions.at(-1)!;
    if (!version.approvable) return;
    await pitches['pitch:submit-review']({ draftId: draft.id, version: version.version });
    at += 2 * 3_600_000;
    const second = reviewing.chance(0.8) ? REVIEWERS[(turn + 1) % 2]! : first;
    await review(
      draft.id,
      version.version,
      second,
      'approve',
      demoRevisionRubric(rubric, weakestCriterion(rubric), second, reviewing),
    );
  }

  /** Each drafted meeting's pitches: its top product, and its second by a model in the other language. */
  async function draftsOf(ranking: ClientRanking, index: number): Promise<void> {
    const language: Language = index % 3 === 0 ? 'zh-CN' : 'en';
    const other: Language = language === 'en' ? 'zh-CN' : 'en';
    // The branch moved from the small model to the larger one a third of the way through the history.
    const modelNow = index < MEETINGS / 3 ? 0 : reviewing.chance(0.2) ? 0 : 1;
    const firstKind: DemoDraftKind =
      index % 4 === 0
        ? { model: null, language, tone: 'formal', length: 'medium' }
        : { model: modelNow, language, tone: reviewing.pick(PITCH_TONES), length: reviewing.pick(PITCH_LENGTHS) };
    await draftAndReview(ranking.clientId, ranking.ranked[0]!.productId, firstKind, index);
    const second = ranking.ranked[1];
    if (!second) return;
    at += 40 * 60_000;
    actor = ADVISORS[index % ADVISORS.length]!;
    const secondKind: DemoDraftKind = {
      model: modelNow,
      language: other,
      tone: reviewing.pick(PITCH_TONES),
      length: reviewing.pick(PITCH_LENGTHS),
    };
    await draftAndReview(ranking.clientId, second.productId, secondKind, index + 1);
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
    if (i % 2 === 0) await draftsOf(ranking, i);
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
