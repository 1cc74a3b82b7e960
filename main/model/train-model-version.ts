import type { ModelVersionSummary } from '../../app/domain/model-version';
import type { SuitabilityRuleSet } from '../../app/suitability';
import { trainVersion, type TrainedVersion, type TrainingData } from '../../app/training/train-version';
import type { Db } from '../db/connection';
import { loadBookOfBusiness } from '../db/book-repository';
import { listInteractions } from '../db/interaction-repository';
import { insertModelVersion } from '../db/model-version-repository';

// The pure training lives in app/training; re-exported for the callers that still import it from here.
export * from '../../app/training/train-version';

export interface TrainingRequest {
  ruleSet: SuitabilityRuleSet;
  note: string;
  at: string;
  actor: string;
}

export function readTrainingData(db: Db, ruleSet: SuitabilityRuleSet): TrainingData {
  return { interactions: listInteractions(db), book: loadBookOfBusiness(db), ruleSet };
}

/** Stores a trained version as the new active one, in one transaction. */
export function storeTrainedVersion(
  db: Db,
  trained: TrainedVersion,
  request: Omit<TrainingRequest, 'ruleSet'>,
): ModelVersionSummary {
  return insertModelVersion(db, { ...trained, note: request.note, at: request.at, actor: request.actor });
}

/**
 * A full retrain on this thread: read, train, store. Any refusal or failure happens before the write, so the
 * live model and the active version stay as they were.
 */
export function trainModelVersion(db: Db, request: TrainingRequest): ModelVersionSummary {
  return storeTrainedVersion(db, trainVersion(readTrainingData(db, request.ruleSet)), request);
}
