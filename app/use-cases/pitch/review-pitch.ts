import type { PitchDraftContent, PitchDraftView, PitchIssueView } from '../../contract/pitch-channels';
import { DomainError } from '../../domain/domain-error';
import { recordedText } from '../../domain/localized-text';
import { message } from '../../messages';
import type { PitchStore, PitchSubjects } from '../../ports/pitch-store';
import { pitchAdviceRecord } from '../../records/advice-record';
import { factsOf, lintPitch } from './pitch-checks';

const EDIT_LABEL = message('pitchJob.editLabel');

export interface ReviewPitchDeps {
  store: PitchStore;
  subjects: PitchSubjects;
  clock: { nowIso(): string; today(): string };
  ids: { randomId(): string };
  actor: string;
}

/**
 * Reading, linting, editing and approving drafts. Every check uses the client's profile and rules as they are
 * now, so an edit or an approval is judged against what holds today, not when the draft was written.
 */
export function createPitchReview(deps: ReviewPitchDeps) {
  async function draftOf(draftId: string) {
    const row = await deps.store.draft(draftId);
    if (!row) throw new DomainError('not_found', `No pitch draft ${draftId}.`);
    return row;
  }

  async function get(draftId: string): Promise<PitchDraftView> {
    const view = await deps.store.view(draftId);
    if (!view) throw new DomainError('not_found', `No pitch draft ${draftId}.`);
    return view;
  }

  async function lint(
    draftId: string,
    content: PitchDraftContent,
  ): Promise<{ issues: PitchIssueView[]; approvable: boolean }> {
    const row = await draftOf(draftId);
    const subject = await deps.subjects.subjectOf(row.clientId, row.productId);
    return lintPitch(content, factsOf(subject, deps.clock.today()), row.language, subject.verdict);
  }

  return {
    list: (clientId: string) => deps.store.list(clientId),
    get,
    lint,

    async save(draftId: string, baseVersion: number, content: PitchDraftContent): Promise<PitchDraftView> {
      const row = await draftOf(draftId);
      if (row.currentVersion !== baseVersion) {
        throw new DomainError(
          'conflict',
          `Pitch draft ${draftId} has a newer version (${row.currentVersion}) than the one edited (${baseVersion}). Open the latest version and edit that.`,
        );
      }
      const checked = await lint(draftId, content);
      await deps.store.addVersion(draftId, {
        author: deps.actor,
        at: deps.clock.nowIso(),
        content,
        label: recordedText(EDIT_LABEL),
        provenance: {
          source: 'advisor',
          modelSha256: null,
          modelFile: null,
          promptHash: null,
          prompt: null,
          settings: { basedOn: baseVersion },
          droppedFacts: [],
          generatedTokens: null,
          millis: null,
        },
        ...checked,
      });
      return get(draftId);
    },

    async approve(draftId: string, version: number): Promise<PitchDraftView> {
      const view = await get(draftId);
      const latest = view.versions[view.versions.length - 1]!;
      if (latest.version !== version)
        throw new DomainError(
          'conflict',
          `Only the latest version (${latest.version}) of a pitch can be approved, not version ${version}.`,
        );
      if (latest.approval) throw new DomainError('conflict', `Version ${version} of this pitch is already approved.`);
      // Linted again now: the client's profile or the rule set may have changed since the version was written.
      const subject = await deps.subjects.subjectOf(view.clientId, view.productId);
      const facts = factsOf(subject, deps.clock.today());
      const fresh = lintPitch(latest.content, facts, view.language, subject.verdict);
      if (!fresh.approvable) {
        const blocking = fresh.issues.filter((i) => i.severity === 'blocking').map((i) => i.message.en);
        throw new DomainError(
          'validation',
          `Version ${version} cannot be approved while it has a blocking problem: ${blocking.join('; ')}`,
        );
      }
      const at = deps.clock.nowIso();
      const context = (await deps.subjects.adviceContextOf?.(view.clientId, view.productId)) ?? null;
      const record = pitchAdviceRecord({
        id: `AR-${deps.ids.randomId().slice(0, 16).toUpperCase()}`,
        at,
        approver: deps.actor,
        draft: view,
        version,
        client: subject.client,
        product: subject.product,
        facts,
        verdict: subject.verdict,
        market: subject.market,
        deviation: context?.deviation ?? null,
        ranking: context?.ranking ?? null,
        issues: fresh.issues,
      });
      await deps.store.approve(draftId, version, { at, actor: deps.actor }, record);
      return get(draftId);
    },
  };
}

export type PitchReview = ReturnType<typeof createPitchReview>;
