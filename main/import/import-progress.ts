import type { ImportProgress } from '../../app/import/import-refused';

/**
 * Passes on progress when the stage changes, when another 5% is done, or when a second has passed,
 * so a 100,000-row import says how it is going without writing a line per row.
 */
export function throttleProgress(
  report: (p: ImportProgress) => void,
  clock: () => number = Date.now,
): (p: ImportProgress) => void {
  let stage = '';
  let lastShare = -1;
  let lastAt = 0;
  return (p) => {
    const share = p.total > 0 ? p.done / p.total : 0;
    const at = clock();
    if (
      p.stage !== stage ||
      share - lastShare >= 0.05 ||
      at - lastAt >= 1000 ||
      (p.total > 0 && p.done === p.total && share !== lastShare)
    ) {
      stage = p.stage;
      lastShare = share;
      lastAt = at;
      report(p);
    }
  };
}

/** One progress line for a terminal: "writing 45,000 of 100,000 rows (45%)". */
export function describeProgress(p: ImportProgress): string {
  if (p.stage === 'waiting') return 'waiting for another import (or another writer) to finish…';
  if (p.total === 0) return `${p.stage}…`;
  return `${p.stage} ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} rows (${Math.floor((p.done / p.total) * 100)}%)`;
}
