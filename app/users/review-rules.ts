import type { PitchVersionView } from '../contract/pitch-channels';
import { DomainError } from '../domain/domain-error';
import { RUBRIC_CRITERIA, type ReviewPolicy, type ReviewRubric } from '../domain/desk-users';

/** Whether the policy asks a reviewer to approve a draft with these versions before it can be used. */
export function reviewRequired(
  policy: ReviewPolicy,
  versions: readonly Pick<PitchVersionView, 'provenance'>[],
): boolean {
  if (policy === 'all-drafts') return true;
  if (policy === 'none') return false;
  return versions.some((v) => v.provenance.source === 'model');
}

/** The rule a direct approval breaks when review is required, named for the advisor who tried. */
export function selfApprovalRefusal(policy: ReviewPolicy): DomainError {
  const what = policy === 'all-drafts' ? 'every pitch' : 'a pitch with text a language model wrote';
  return new DomainError(
    'forbidden',
    `Four-eyes rule: ${what} needs a reviewer's approval, and its author cannot approve it. Submit it for review.`,
  );
}

/** A reviewer may not review a draft they wrote any version of. */
export function assertNotAuthor(versions: readonly Pick<PitchVersionView, 'author'>[], reviewerId: string): void {
  if (versions.some((v) => v.author === reviewerId))
    throw new DomainError(
      'forbidden',
      'Four-eyes rule: a reviewer cannot review a pitch they wrote any version of. Another reviewer must review it.',
    );
}

/** A comment is required when sending a pitch back or when any score is below 3. */
export function assertReviewComplete(decision: 'approve' | 'send-back', rubric: ReviewRubric, comment: string): void {
  const low = RUBRIC_CRITERIA.filter((c) => rubric[c] < 3);
  if (comment.trim() !== '') return;
  if (decision === 'send-back')
    throw new DomainError(
      'validation',
      'Say in a comment why the pitch goes back, so its author knows what to change.',
    );
  if (low.length > 0)
    throw new DomainError(
      'validation',
      `A comment is required when a score is below 3 (${low.join(', ')}): say what falls short.`,
    );
}
