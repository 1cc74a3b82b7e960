import { z } from 'zod';
import { FUNNEL_GROUPS, FUNNEL_PERIODS } from '../analytics/funnel';
import { IsoDateSchema } from '../domain/enums';
import { LocalizedTextSchema } from '../domain/localized-text';

/** The longest range one funnel answers: ten years of days. */
export const FUNNEL_MAX_DAYS = 3660;

export const FunnelQuerySchema = z
  .object({
    /** Days, both included (UTC, by the day the ranking was shown). Omitted: the 13 weeks up to the last ranking. */
    from: IsoDateSchema.nullable().default(null),
    to: IsoDateSchema.nullable().default(null),
    groupBy: z.enum(FUNNEL_GROUPS).default('product'),
    /** Omitted: by week, or by month for a range over half a year. By day only up to 35 days. */
    period: z.enum(FUNNEL_PERIODS).nullable().default(null),
    family: z.string().min(1).max(64).nullable().default(null),
    advisor: z.string().min(1).max(64).nullable().default(null),
    policy: z.string().min(1).max(64).nullable().default(null),
  })
  .strict()
  .refine((q) => q.from === null || q.to === null || q.from <= q.to, { message: 'from must not be after to' });
export type FunnelQuery = z.input<typeof FunnelQuerySchema>;

const CountsSchema = z.object({
  shown: z.number().int(),
  pitched: z.number().int(),
  interested: z.number().int(),
  accepted: z.number().int(),
  pitchedAccepted: z.number().int(),
});

const ProportionSchema = z.object({
  successes: z.number().int(),
  trials: z.number().int(),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

export const FunnelLineSchema = z.object({
  key: z.string(),
  /** What to call the group: a product's name, or null where the key is its own name (an advisor id, a policy). */
  label: LocalizedTextSchema.nullable(),
  counts: CountsSchema,
  rates: z.object({
    pitchRate: ProportionSchema,
    ctr: ProportionSchema,
    cvr: ProportionSchema,
    cvrPitched: ProportionSchema,
  }),
});
export type FunnelLineView = z.infer<typeof FunnelLineSchema>;

export const FunnelReportSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  groupBy: z.enum(FUNNEL_GROUPS),
  period: z.enum(FUNNEL_PERIODS),
  total: FunnelLineSchema,
  groups: z.array(FunnelLineSchema),
  /** One line per period (its first day as key), oldest first; periods with nothing shown are left out. */
  series: z.array(FunnelLineSchema),
  /** What the filters can choose from. */
  choices: z.object({ advisors: z.array(z.string()), policies: z.array(z.string()), families: z.array(z.string()) }),
  /** First and last day with a ranking shown; null when none has been. */
  days: z.object({ first: IsoDateSchema, last: IsoDateSchema }).nullable(),
  /** How long the store took to answer, for the page's footnote and the bench. */
  queryMs: z.number(),
});
export type FunnelReport = z.infer<typeof FunnelReportSchema>;

export const analyticsChannels = {
  /** Shown → pitched → interested → accepted over a range of days, by a group and by period, with Wilson intervals. */
  'analytics:funnel': { input: FunnelQuerySchema, output: FunnelReportSchema },
} as const;
