import type { ModelMetrics, ModelVersionSummary } from '../../../../app/contract';
import type { Formatters } from '../../i18n/format';
import type { Translate } from '../../i18n/translate';

/** The baseline every chart and table shows first: the one a model must beat to be worth having. */
export const POPULARITY = 'popularity';

/** How a version came to be, in words; an origin this build does not know is shown as stored. */
export function originLabel(note: string, t: Translate): string {
  if (note === 'demo-seed') return t('model.note.demoSeed');
  if (note === 'first-use') return t('model.note.firstUse');
  if (note === 'retrain') return t('model.note.retrain');
  if (note === 'cli-train') return t('model.note.cliTrain');
  const rollback = /^rollback-of-(\d+)$/.exec(note);
  if (rollback) return t('model.note.rollback', { version: rollback[1] as string });
  return note;
}

export function baselineLabel(name: string, t: Translate): string {
  if (name === 'popularity') return t('model.baseline.popularity');
  if (name === 'logistic' || name === 'logistic-regression') return t('model.baseline.logistic');
  if (name === 'rules-only' || name === 'rulesOnly' || name === 'rules_only') return t('model.baseline.rulesOnly');
  return name.replace(/[-_]/g, ' ');
}

/** Baseline names found in any version, popularity first, the rest alphabetically. */
export function baselineNames(versions: ModelVersionSummary[]): string[] {
  const names = new Set<string>();
  for (const v of versions) for (const name of Object.keys(v.baselines)) names.add(name);
  return [...names].sort((a, b) => (a === POPULARITY ? -1 : b === POPULARITY ? 1 : a.localeCompare(b)));
}

/** The k of the ranking metrics (P@k, NDCG@k, MAP@k); versions are all measured at the same k. */
export function rankingK(versions: ModelVersionSummary[]): number {
  for (const v of versions) if (v.metrics) return v.metrics.k;
  return 10;
}

export function metricText(value: number | null | undefined, fmt: Formatters): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : fmt.number(value, 3);
}

export type MetricName = Exclude<keyof ModelMetrics, 'k'>;
