import { generateDemoData, type DemoData } from '../../../../app/demo';
import type { ScoredClient } from '../../../../app/scoring/scoring-context';
import type { BookOfBusiness } from '../../../../app/scoring/training-rows';

export const TODAY = '2026-11-28';

/** The demo book in the shape the scoring core takes: stored clients are flat, demo clients nest their profile. */
export function demoBook(data: DemoData): BookOfBusiness & { clients: ScoredClient[] } {
  return {
    clients: data.clients.map((c) => ({ ...c.profile, id: c.id, riskClass: c.riskClass })),
    products: data.products,
    marketSnapshots: data.marketSnapshots,
  };
}

let cached: DemoData | null = null;
export function demo(): DemoData {
  cached ??= generateDemoData({ today: TODAY });
  return cached;
}
