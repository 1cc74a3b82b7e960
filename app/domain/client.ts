import { z } from 'zod';
import {
  ClientKindSchema,
  CreditRatingSchema,
  CustomAttributesSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  KnowledgeLevelSchema,
  LanguageSchema,
  LiquidityNeedSchema,
  ObjectiveSchema,
  RiskClassSchema,
} from './enums';

/**
 * The fields an advisor edits. Money is in the institution's currency, whole units.
 * Individuals use birthDate/annualIncome/occupation; small businesses use
 * foundedDate/annualRevenue/sector/creditRating. Both share assets, liabilities and objectives.
 */
export const ClientProfileSchema = z.object({
  kind: ClientKindSchema,
  displayName: z.string().trim().min(1).max(120),
  language: LanguageSchema,
  email: z.string().max(200).nullable(),
  phone: z.string().max(40).nullable(),
  city: z.string().max(80).nullable(),
  birthDate: IsoDateSchema.nullable(),
  foundedDate: IsoDateSchema.nullable(),
  occupation: z.string().max(80).nullable(),
  sector: z.string().max(80).nullable(),
  employees: z.number().int().min(0).nullable(),
  annualIncome: z.number().min(0).nullable(),
  annualRevenue: z.number().min(0).nullable(),
  monthlyExpenses: z.number().min(0).nullable(),
  investableAssets: z.number().min(0),
  totalAssets: z.number().min(0),
  liabilities: z.number().min(0),
  monthlyDebtPayments: z.number().min(0),
  dependents: z.number().int().min(0).max(20),
  creditScore: z.number().int().min(300).max(900).nullable(),
  creditRating: CreditRatingSchema.nullable(),
  objectives: z.array(ObjectiveSchema).max(10),
  horizonYears: z.number().min(0).max(60),
  liquidityNeed: LiquidityNeedSchema,
  knowledgeLevel: KnowledgeLevelSchema,
  experienceYears: z.number().int().min(0).max(80),
  complexProductExperience: z.boolean(),
  professionalInvestor: z.boolean(),
  sustainabilityPreference: z.boolean().nullable(),
  kycReviewedAt: IsoDateSchema.nullable(),
  notes: z.string().max(5000),
  customAttributes: CustomAttributesSchema,
});
export type ClientProfile = z.infer<typeof ClientProfileSchema>;

/** A completed risk questionnaire: answers are kept so the class can be re-derived and audited. */
export const QuestionnaireResultSchema = z.object({
  questionnaireVersion: z.string(),
  completedAt: IsoDateTimeSchema,
  answers: z.record(z.string(), z.string()),
  score: z.number(),
  riskClass: RiskClassSchema,
});
export type QuestionnaireResult = z.infer<typeof QuestionnaireResultSchema>;

/** A client as it is first written to the store: by the create form, an import or the demo generator. */
export interface NewClient {
  id: string;
  profile: ClientProfile;
  riskClass: z.infer<typeof RiskClassSchema> | null;
  questionnaire: QuestionnaireResult | null;
  createdAt: string;
  updatedAt: string;
}

export const ClientSchema = ClientProfileSchema.extend({
  id: z.string(),
  riskClass: RiskClassSchema.nullable(),
  questionnaire: QuestionnaireResultSchema.nullable(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  /** Incremented on every save; an edit based on an older version is refused rather than silently overwriting. */
  revision: z.number().int().min(1),
});
export type Client = z.infer<typeof ClientSchema>;

/** What the client list shows per row: enough to find and recognise a client, nothing more. */
export const ClientSummarySchema = z.object({
  id: z.string(),
  kind: ClientKindSchema,
  displayName: z.string(),
  city: z.string().nullable(),
  riskClass: RiskClassSchema.nullable(),
  investableAssets: z.number(),
  kycReviewedAt: IsoDateSchema.nullable(),
  nextMeetingAt: IsoDateTimeSchema.nullable(),
  updatedAt: IsoDateTimeSchema,
});
export type ClientSummary = z.infer<typeof ClientSummarySchema>;

export const CLIENT_SORT_FIELDS = [
  'displayName',
  'investableAssets',
  'riskClass',
  'kycReviewedAt',
  'updatedAt',
  'id',
] as const;
export const ClientSortFieldSchema = z.enum(CLIENT_SORT_FIELDS);
export type ClientSortField = z.infer<typeof ClientSortFieldSchema>;

export const ClientListQuerySchema = z
  .object({
    search: z.string().max(200).default(''),
    kind: ClientKindSchema.nullable().default(null),
    sortBy: ClientSortFieldSchema.default('displayName'),
    sortDir: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type ClientListQuery = z.infer<typeof ClientListQuerySchema>;
export type ClientListQueryInput = z.input<typeof ClientListQuerySchema>;

export const ClientPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(ClientSummarySchema),
});
export type ClientPage = z.infer<typeof ClientPageSchema>;
