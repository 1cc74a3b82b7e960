import type { TrainedVersion, TrainingData } from '../training/train-version';

/** Runs a training away from the thread that answers requests (a worker thread in the app). */
export interface Trainer {
  /** Rejects with the signal's reason when aborted, and with the training's own domain error when it refuses. */
  train(data: TrainingData, signal?: AbortSignal): Promise<TrainedVersion>;
}
