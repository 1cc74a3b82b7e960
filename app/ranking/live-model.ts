import { InterestModel, type InterestModelState } from '../scoring/interest-model';
import type { PlattCalibration } from './platt-calibration';

/** The model the desk scores with: the interest model and the calibration fitted when it was trained. */
export interface LiveModel {
  model: InterestModel;
  /** Null when there was too little held-out data to fit one; probabilities are then the model's own. */
  calibration: PlattCalibration | null;
}

/** What a model version stores: the interest model's own JSON (encoding included) with the calibration beside it. */
export type LiveModelParams = InterestModelState & { calibration: PlattCalibration | null };

export function liveModelParams(live: LiveModel): LiveModelParams {
  return { ...live.model.toJSON(), calibration: live.calibration };
}

/** Reads stored parameters back; throws with a plain reason when they are not a model this version can use. */
export function liveModelFromParams(params: unknown): LiveModel {
  if (typeof params !== 'object' || params === null) throw new Error('stored model parameters are not an object');
  const state = params as Partial<LiveModelParams>;
  const model = InterestModel.fromJSON(state as InterestModelState);
  const c = state.calibration;
  const calibration = c && c.kind === 'platt' && Number.isFinite(c.a) && Number.isFinite(c.b) ? c : null;
  return { model, calibration };
}
