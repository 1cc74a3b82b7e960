// `npx tsx test/bench/model-quality-bench.ts`: AUC and log loss of the interest model (FM), a tuned logistic
// regression, a gradient-boosted-trees reference and popularity on the synthetic bank and insurance sets and on
// the demo data, time split 0.8, mean ± sd over seeds. QUALITY_SEEDS=1,2,3 (default), QUALITY_SETS=name,...,
// QUALITY_MODELS=FM,GBDT,... and QUALITY_SCALE=0.5 (rows per set) narrow a run.
import { generateDemoData } from '../../app/demo';
import { ALL_MODELS, measureQuality, summarise, type ModelName, type QualityRow } from '../quality/model-quality';
import { SYNTHETIC_SETS, type SyntheticSetName } from '../quality/synthetic-datasets';
import { demoBook, TODAY } from '../unit/app/scoring/scoring-fixtures';

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : null;
const seeds = (list(process.env.QUALITY_SEEDS) ?? ['1', '2', '3']).map(Number);
const sets = list(process.env.QUALITY_SETS) ?? [...Object.keys(SYNTHETIC_SETS), 'demo'];
const models = (list(process.env.QUALITY_MODELS) ?? ALL_MODELS) as ModelName[];
const scale = Number(process.env.QUALITY_SCALE ?? 1);

const rows: QualityRow[] = [];
for (const set of sets) {
  for (const seed of seeds) {
    const started = Date.now();
    if (set === 'demo') {
      // The demo book is one fixed data set; the seed varies the models only.
      const data = generateDemoData({ today: TODAY });
      rows.push(
        ...measureQuality({ name: 'demo', interactions: data.interactions, book: demoBook(data) }, { seed, models }),
      );
    } else {
      const make = SYNTHETIC_SETS[set as SyntheticSetName];
      if (!make) throw new Error(`unknown set ${set}; known: ${Object.keys(SYNTHETIC_SETS).join(', ')}, demo`);
      rows.push(...measureQuality(make(seed, scale), { seed, models }));
    }
    const mine = rows.filter((r) => r.dataset === set && r.seed === seed);
    console.error(
      `${set} seed ${seed}: ${((Date.now() - started) / 1000).toFixed(1)} s (${mine.map((r) => `${r.model} ${r.auc.toFixed(4)} ${(r.ms / 1000).toFixed(1)}s`).join(', ')})`,
    );
  }
}
console.log(`model quality, time split 0.8, seeds ${seeds.join(',')}, scale ${scale}`);
for (const line of summarise(rows)) console.log(line);
