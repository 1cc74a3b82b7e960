import { InterestModel, type InterestModelState } from '../scoring/interest-model';
import type { PlattCalibration } from './platt-calibration';

/**
 * The language model whose signals (llm.similarity, llm.fit) a version was trained with: its file's
 * sha256 (what a ranking compares with the loaded model) and its file name (what the advisor is told to load).
 */
export interface LanguageModelRef {
  sha256: string;
  file: string;
}

/** The model the desk scores with: the interest model and the calibration fitted when it was trained. */
export interface LiveModel {
  model: InterestModel;
  /** Null when there was too little held-out data to fit one; probabilities are then the model's own. */
  calibration: PlattCalibration | null;
  /** Null when trained without language-model signals; a ranking then never computes them. */
  languageModel: LanguageModelRef | null;
}

/** What a model version stores: the interest model's own JSON (encoding included) with the calibration and the language model beside it. */
export type LiveModelParams = InterestModelState & {
  calibration: PlattCalibration | null;
  languageModel: LanguageModelRef | null;
};

export function liveModelParams(live: LiveModel): LiveModelParams {
  return { ...live.model.toJSON(), calibration: live.calibration, languageModel: live.languageModel };
}

function languageModelOf(value: unknown): LanguageModelRef | null {
  if (typeof value !== 'object' || value === null) return null;
  const { sha256, file } = value as Partial<LanguageModelRef>;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256) || typeof file !== 'string') return null;
  return { sha256, file };
}

/** Reads stored parameters back; throws with a plain reason when they are not a model this version can use. */
export function liveModelFromParams(params: unknown): LiveModel {
  if (typeof params !== 'object' || params === null) throw new Error('stored model parameters are not an object');
  const state = params as Partial<LiveModelParams>;
  const model = InterestModel.fromJSON(state as InterestModelState);
  const c = state.calibration;
  const calibration = c && c.kind === 'platt' && Number.isFinite(c.a) && Number.isFinite(c.b) ? c : null;
  // Versions stored before language-model signals existed have no languageModel: they were trained without signals.
  return { model, calibration, languageModel: languageModelOf(state.languageModel) };
}
