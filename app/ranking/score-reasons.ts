import type { ScoreReason } from '../domain/ranking';
import type { FeatureEncoding } from '../scoring/feature-encoding';
import type { ScoringContext } from '../scoring/scoring-context';
import { conceptOf, reasonText } from './reason-phrases';

/** Which raw feature each encoded index came from, and for a categorical index the value it stands for. */
export interface FeatureOrigin {
  feature: string;
  value: string | null;
}

const origins = new WeakMap<FeatureEncoding, FeatureOrigin[]>();

/**
 * Maps every encoded index back to its raw feature. A numeric column owns its value index, its missing flag
 * and the bins after them up to the next column; a categorical column owns its values, the unseen bucket and
 * the missing flag. Built from the columns, not by parsing names, so a feature name with ": " in it is safe.
 */
export function featureOrigins(encoding: FeatureEncoding): FeatureOrigin[] {
  const known = origins.get(encoding);
  if (known) return known;
  const out: FeatureOrigin[] = Array.from({ length: encoding.dimension }, () => ({ feature: '', value: null }));
  const starts: { index: number; feature: string }[] = [];
  for (const col of encoding.numeric) starts.push({ index: Math.min(col.index, col.missingIndex), feature: col.name });
  for (const col of encoding.categorical) {
    for (const [value, index] of Object.entries(col.values)) out[index] = { feature: col.name, value };
    // An identity column has no unseen bucket (unseenIndex -1).
    if (col.unseenIndex >= 0) out[col.unseenIndex] = { feature: col.name, value: null };
    out[col.missingIndex] = { feature: col.name, value: null };
    starts.push({
      index: Math.min(
        ...(col.unseenIndex >= 0 ? [col.unseenIndex] : []),
        col.missingIndex,
        ...Object.values(col.values),
      ),
      feature: col.name,
    });
  }
  starts.sort((a, b) => a.index - b.index);
  // Numeric columns own everything from their first index to the next column's first index (their bins).
  const numericNames = new Set(encoding.numeric.map((c) => c.name));
  for (let s = 0; s < starts.length; s++) {
    const { index, feature } = starts[s]!;
    if (!numericNames.has(feature)) continue;
    const end = s + 1 < starts.length ? starts[s + 1]!.index : encoding.dimension;
    for (let i = index; i < end; i++) if (out[i]!.feature === '') out[i] = { feature, value: null };
  }
  origins.set(encoding, out);
  return out;
}

const concepts = new WeakMap<FeatureEncoding, string[]>();

/** The concept each encoded index's feature belongs to ('' where it has no feature), made once per encoding. */
function conceptsOf(encoding: FeatureEncoding): string[] {
  let known = concepts.get(encoding);
  if (!known)
    concepts.set(
      encoding,
      (known = featureOrigins(encoding).map((o) => (o.feature === '' ? '' : conceptOf(o.feature)))),
    );
  return known;
}

/** One explained concept before it becomes words: total log-odds and the feature value that moved it most. */
interface ConceptTotal {
  concept: string;
  logOdds: number;
  topFeature: string;
  topValue: string | null;
  topAbs: number;
}

/**
 * The largest contributions to one score, grouped into concepts an advisor recognises (risk fit, objective,
 * fees, liquidity …) and put into words in both languages, largest |log-odds| first. `scale` is the
 * calibration's slope, so the figures are in the units of the probability shown.
 */
export function explainScore(
  encoding: FeatureEncoding,
  contributions: readonly { index: number; value: number }[],
  context: ScoringContext,
  options: { limit?: number; scale?: number; minAbs?: number } = {},
): ScoreReason[] {
  const limit = options.limit ?? 4;
  const scale = options.scale ?? 1;
  const minAbs = options.minAbs ?? 0.02;
  const map = featureOrigins(encoding);
  const conceptOfIndex = conceptsOf(encoding);
  const totals = new Map<string, ConceptTotal>();
  for (const { index, value } of contributions) {
    const origin = map[index];
    if (!origin || origin.feature === '' || !Number.isFinite(value)) continue;
    const concept = conceptOfIndex[index]!;
    let t = totals.get(concept);
    if (!t)
      totals.set(concept, (t = { concept, logOdds: 0, topFeature: origin.feature, topValue: origin.value, topAbs: 0 }));
    t.logOdds += value * scale;
    if (Math.abs(value) > t.topAbs) {
      t.topAbs = Math.abs(value);
      t.topFeature = origin.feature;
      t.topValue = origin.value;
    }
  }
  return [...totals.values()]
    .filter((t) => Math.abs(t.logOdds) >= minAbs)
    .sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds) || a.concept.localeCompare(b.concept))
    .slice(0, limit)
    .map((t) => ({
      group: t.concept,
      logOdds: t.logOdds,
      text: reasonText(t.concept, t.logOdds > 0, { feature: t.topFeature, value: t.topValue, context }),
    }));
}
