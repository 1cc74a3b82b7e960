export * from './diversity';
export * from './live-model';
export * from './platt-calibration';
export * from './product-scorer';
export * from './rank-for-client';
export { explainScore, featureOrigins } from './score-reasons';
