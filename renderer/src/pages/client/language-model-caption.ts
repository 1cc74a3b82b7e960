import type { ClientRanking } from '../../../../app/contract';
import type { LlmMessageKey } from '../../../../app/messages/en-llm';

/** The backend's reason for a ranking asked without the signals that could have been used (the page asks again). */
export const NOT_REQUESTED = 'not requested';

type RankingLanguageModel = NonNullable<ClientRanking['languageModel']>;

/**
 * Which sentence tells the advisor about the language model the live version was trained with: its
 * signals were used, or why not (the backend's reasons "not loaded" and "another model is loaded"; anything else
 * is a failure to compute them).
 */
export function languageModelCaptionKey(
  languageModel: RankingLanguageModel,
): Extract<LlmMessageKey, `reco.llm.${string}`> {
  if (languageModel.used) return 'reco.llm.used';
  if (languageModel.reason === NOT_REQUESTED) return 'reco.llm.pending';
  if (languageModel.reason === 'not loaded') return 'reco.llm.notLoaded';
  if (languageModel.reason === 'another model is loaded') return 'reco.llm.otherLoaded';
  return 'reco.llm.failed';
}
