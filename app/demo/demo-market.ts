import type { MarketSnapshot } from '../domain';
import { addDays, type Prng } from './prng';

/**
 * A year of daily snapshots ending on `today`: two 10-basis-point policy cuts (deposit rates follow a week later),
 * inflation drifting around 1%, an equity index on a random walk with a mid-year drawdown, and a 10-year yield
 * that eases with the cuts. Flags mark days an advisor should notice.
 */
export function generateMarketSnapshots(rng: Prng, today: string, days = 365): MarketSnapshot[] {
  const start = addDays(today, -(days - 1));
  const cuts = [Math.round(days * 0.3), Math.round(days * 0.72)];
  let policy = 1.7;
  let deposit = 1.55;
  let inflation = 0.6;
  let index = 3600;
  let bond = 2.3;
  const history: number[] = [];
  const out: MarketSnapshot[] = [];
  for (let d = 0; d < days; d++) {
    const flags: string[] = [];
    if (cuts.includes(d)) {
      policy = Math.round((policy - 0.1) * 100) / 100;
      flags.push('policy_rate_cut');
    }
    if (cuts.some((c) => d === c + 7)) {
      deposit = Math.round((deposit - 0.1) * 100) / 100;
      flags.push('deposit_rate_cut');
    }
    inflation = Math.max(-0.5, Math.min(3, inflation + 0.02 * (1.0 - inflation) + rng.normal() * 0.04));
    const drawdown = d > days * 0.45 && d < days * 0.55 ? -0.004 : 0;
    const move = 0.0003 + drawdown + rng.normal() * 0.011;
    index = index * (1 + move);
    bond = Math.max(1.2, bond + 0.03 * (policy + 0.55 - bond) + rng.normal() * 0.012);
    history.push(index);
    const back = history[Math.max(0, history.length - 91)]!;
    if (Math.abs(move) > 0.025) flags.push('high_volatility');
    out.push({
      asOf: addDays(start, d),
      policyRate: policy,
      depositRate1y: deposit,
      inflation: Math.round(inflation * 100) / 100,
      equityIndex: Math.round(index * 100) / 100,
      equityTrend3m: Math.round((index / back - 1) * 100 * 100) / 100,
      bondYield10y: Math.round(bond * 1000) / 1000,
      regulatoryFlags: flags,
      indicators: {
        usdCny: Math.round((7.15 + Math.sin(d / 50) * 0.08 + rng.normal() * 0.01) * 10000) / 10000,
        pmi: Math.round((50 + Math.sin(d / 40) * 1.2) * 10) / 10,
      },
    });
  }
  return out;
}
