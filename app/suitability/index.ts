export * from './rule-set';
export * from './suitability-types';
export {
  checkSuitability,
  failedChecks,
  suitabilityScreen,
  type ScreenVerdict,
  type SuitabilityScreen,
} from './check-suitability';
export { commitmentMonths } from './suitability-facts';
export {
  previewDeviation,
  DEVIATION_REFUSALS,
  type DeviationPreview,
  type DeviationRefusal,
} from './deviation-preview';
