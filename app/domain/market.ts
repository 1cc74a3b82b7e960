import { z } from 'zod';
import { IsoDateSchema } from './enums';

/** Market state on a date. Rates and inflation in percent; index trend is the 3-month change in percent. */
export const MarketSnapshotSchema = z.object({
  asOf: IsoDateSchema,
  policyRate: z.number(),
  depositRate1y: z.number(),
  inflation: z.number(),
  equityIndex: z.number(),
  equityTrend3m: z.number(),
  bondYield10y: z.number(),
  regulatoryFlags: z.array(z.string()),
  indicators: z.record(z.string(), z.number()),
});
export type MarketSnapshot = z.infer<typeof MarketSnapshotSchema>;
