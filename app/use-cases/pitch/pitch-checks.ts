import type { PitchIssueView } from '../../contract/pitch-channels';
import { canApprove, lintDraft, pitchFacts, type PitchDraft, type PitchFacts, type PitchOptions } from '../../pitch';
import type { PitchSubject } from '../../ports/pitch-store';
import type { SuitabilityResult } from '../../suitability';

export function factsOf(subject: PitchSubject, today: string): PitchFacts {
  return pitchFacts(subject.client, subject.product, subject.market, subject.verdict, { today });
}

/** The compliance lint of a pitch's text, and whether nothing in it blocks approval. */
export function lintPitch(
  content: PitchDraft,
  facts: PitchFacts,
  language: PitchOptions['language'],
  verdict: SuitabilityResult,
): { issues: PitchIssueView[]; approvable: boolean } {
  const issues = lintDraft(content, facts, { language, suitability: verdict });
  return { issues: issues as PitchIssueView[], approvable: canApprove(issues) };
}
