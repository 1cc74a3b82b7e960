export * from './rule-set';
export * from './suitability-types';
export { checkSuitability, failedChecks } from './check-suitability';
export { commitmentMonths } from './suitability-facts';
