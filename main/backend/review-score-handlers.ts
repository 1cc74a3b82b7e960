import type { HandlerTable } from '../../app/contract/dispatch';
import { reviewScores } from '../../app/reviews/review-scores';
import { listScoredReviews } from '../db/review-score-repository';
import type { BackendContext } from './backend-context';

/** Expert review scores: read-only, open to anyone signed in (permissions.ts lists no rule for it). */
export function reviewScoreHandlers(ctx: BackendContext): Pick<HandlerTable, 'reviews:scores'> {
  return {
    'reviews:scores': ({ from, to }) =>
      reviewScores(listScoredReviews(ctx.db, { ...(from ? { from } : {}), ...(to ? { to } : {}) })),
  };
}
