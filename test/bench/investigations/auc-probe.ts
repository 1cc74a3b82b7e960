import path from 'node:path';
import { generateDemoData } from '../../../app/demo';
import { labelledRows, type LabelledRow } from '../../../app/scoring/training-rows';
import { InterestModel, type InterestModelOptions } from '../../../app/scoring/interest-model';
import { auc } from '../../../app/eval/metrics';
import { loadEventDatasets, qualitySplits, rowsOf, subsample } from '../../quality/real-quality';
import { demoBook, TODAY } from '../../unit/app/scoring/scoring-fixtures';

/**
 * Window and test AUC of candidate settings on the quality-bench sets (PROBE_SETS, PROBE_SPLITS), plus the blend
 * of the two best on the window (mean logit). PROBE=name:json;... or the built-in list.
 */
const logit = (p: number) => Math.log(Math.max(1e-12, p) / Math.max(1e-12, 1 - p));
const configs: [string, InterestModelOptions][] = JSON.parse(process.env.PROBE ?? '[]');

async function main() {
  const only = process.env.PROBE_SETS?.split(',') ?? null;
  const splits = process.env.PROBE_SPLITS?.split(',') ?? null;
  const dir = path.resolve(import.meta.dirname, '../../../../shared/datasets');
  const sets = (await loadEventDatasets(dir, () => {})).filter((s) => !only || only.includes(s.name));
  const all = sets.map((s) => ({ name: s.name, rows: () => rowsOf(subsample(s, 40_000)) }));
  if (!only || only.includes('demo')) {
    const data = generateDemoData({ today: TODAY });
    const book = demoBook(data);
    all.push({ name: 'demo', rows: () => labelledRows(data.interactions, book) });
  }
  for (const set of all) {
    for (const split of qualitySplits(set.rows(), 1)) {
      if (splits && !splits.some((s) => split.name.startsWith(s))) continue;
      const train: readonly LabelledRow[] = split.train;
      const held = Math.floor(train.length * 0.2);
      const fit = train.slice(0, train.length - held);
      const judged = train.slice(train.length - held);
      const wl = judged.map((r) => r.label);
      const tl = split.test.map((r) => r.label);
      const res: { name: string; w: number[]; t: number[]; wa: number; ta: number; cpu: number }[] = [];
      for (const [name, options] of configs) {
        const c0 = process.cpuUsage();
        const wm = InterestModel.train(fit, { ...options, model: { ...options.model, seed: 1 } });
        const w = judged.map((r) => logit(wm.scoreRaw(r.raw)));
        const tm = InterestModel.train(train, { ...options, model: { ...options.model, seed: 1 } });
        const t = split.test.map((r) => logit(tm.scoreRaw(r.raw)));
        const c = process.cpuUsage(c0);
        res.push({ name, w, t, wa: auc(w, wl)!, ta: auc(t, tl)!, cpu: (c.user + c.system) / 1e6 });
      }
      const lines = res.map((r) => `${r.name} ${r.wa.toFixed(3)}/${r.ta.toFixed(3)} (${r.cpu.toFixed(1)}s)`);
      const byW = [...res].sort((a, b) => b.wa - a.wa);
      if (byW.length >= 2) {
        const [a, b] = byW;
        const w = a!.w.map((v, i) => (v + b!.w[i]!) / 2);
        const t = a!.t.map((v, i) => (v + b!.t[i]!) / 2);
        lines.push(`blend(${a!.name}+${b!.name}) ${auc(w, wl)!.toFixed(3)}/${auc(t, tl)!.toFixed(3)}`);
      }
      console.log(`${set.name} ${split.name}: ${lines.join(', ')}`);
    }
  }
}
void main();
