import { recordChannels } from './record-channels';
import { auditChannels } from './audit-channels';
import { z } from 'zod';
import {
  ClientListQuerySchema,
  ClientPageSchema,
  ClientProfileSchema,
  ClientSchema,
  HoldingSchema,
  InteractionSchema,
  MarketSnapshotSchema,
  MeetingSchema,
  ProductListQuerySchema,
  ProductSchema,
  UserSettingsSchema,
  LocalizedTextSchema,
  RiskClassSchema,
} from '../domain';
import { engineChannels } from './engine-channels';
import { ruleSetChannels } from './rule-set-channels';
import { llmChannels } from './llm-channels';
import { pitchChannels } from './pitch-channels';
import { deviationChannels } from './deviation-channels';
import { pdfChannels } from './pdf-channels';
import { userChannels } from './user-channels';
import { meetingChannels } from './meeting-channels';
import { preparationChannels } from './preparation-channels';
import { analyticsChannels } from './analytics-channels';
import { experimentChannels } from './experiment-channels';
import { reviewScoreChannels } from './review-score-channels';
import { offPolicyChannels } from './off-policy-channels';

const Empty = z.object({}).strict();
const ById = z.object({ id: z.string().min(1).max(64) }).strict();

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  databasePath: z.string(),
  clientCount: z.number().int(),
  productCount: z.number().int(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const ClientDetailSchema = z.object({
  client: ClientSchema,
  holdings: z.array(HoldingSchema.extend({ productNameEn: z.string(), productNameZh: z.string(), family: z.string() })),
  interactions: z.array(InteractionSchema.extend({ productNameEn: z.string(), productNameZh: z.string() })),
  meetings: z.array(MeetingSchema),
});
export type ClientDetail = z.infer<typeof ClientDetailSchema>;

const QuestionnaireDefinitionSchema = z.object({
  version: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      text: LocalizedTextSchema,
      options: z.array(z.object({ id: z.string(), label: LocalizedTextSchema, points: z.number() })),
    }),
  ),
  thresholds: z.array(z.object({ riskClass: RiskClassSchema, minScore: z.number() })),
  caps: z.array(z.object({ questionId: z.string(), optionId: z.string(), maxClass: RiskClassSchema })),
});

export const DataSummarySchema = z.object({
  clients: z.number().int(),
  products: z.number().int(),
  interactions: z.number().int(),
  meetings: z.number().int(),
  marketSnapshots: z.number().int(),
});
export type DataSummary = z.infer<typeof DataSummarySchema>;

/**
 * Every request the renderer can make, with the schema of its input and of its answer.
 * Main parses inputs with these before any handler runs; types on both sides are inferred from here.
 */
export const channels = {
  'app:info': { input: Empty, output: AppInfoSchema },
  'settings:get': { input: Empty, output: UserSettingsSchema },
  'settings:update': { input: UserSettingsSchema.partial().strict(), output: UserSettingsSchema },
  'clients:list': { input: ClientListQuerySchema, output: ClientPageSchema },
  'clients:get': { input: ById, output: ClientDetailSchema },
  'clients:create': { input: z.object({ profile: ClientProfileSchema }).strict(), output: ClientSchema },
  'clients:update': {
    input: z
      .object({ id: z.string().min(1).max(64), revision: z.number().int().min(1), profile: ClientProfileSchema })
      .strict(),
    output: ClientSchema,
  },
  'questionnaire:get': { input: Empty, output: QuestionnaireDefinitionSchema },
  'clients:submit-questionnaire': {
    input: z
      .object({
        clientId: z.string().min(1).max(64),
        revision: z.number().int().min(1),
        answers: z.record(z.string(), z.string()),
      })
      .strict(),
    output: ClientSchema,
  },
  'products:list': { input: ProductListQuerySchema, output: z.array(ProductSchema) },
  'products:get': { input: ById, output: ProductSchema },
  'market:latest': { input: Empty, output: MarketSnapshotSchema.nullable() },
  'meetings:upcoming': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(MeetingSchema),
  },
  'data:summary': { input: Empty, output: DataSummarySchema },
  'data:reset-demo': { input: Empty, output: DataSummarySchema },
  'data:wipe': { input: Empty, output: DataSummarySchema },
  ...engineChannels,
  ...ruleSetChannels,
  ...llmChannels,
  ...pitchChannels,
  ...deviationChannels,
  ...auditChannels,
  ...recordChannels,
  ...pdfChannels,
  ...userChannels,
  ...meetingChannels,
  ...preparationChannels,
  ...analyticsChannels,
  ...experimentChannels,
  ...reviewScoreChannels,
  ...offPolicyChannels,
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type ChannelInput<C extends Channel> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Channels[C]['output']>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
