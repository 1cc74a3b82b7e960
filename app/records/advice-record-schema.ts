import { z } from 'zod';
import { ADVICE_RECORD_SCHEMA, ADVICE_RECORD_SCHEMA_V1 } from './advice-record';

const Text = z.object({ en: z.string(), zh: z.string() });
const Obj = z.record(z.string(), z.unknown());
const PitchText = z.object({
  headline: z.string(),
  body: z.string(),
  keyPoints: z.array(z.string()),
  risks: z.array(z.string()),
  nextStep: z.string(),
});

/** Records made before @2 keep the layout they were made with, and are read as they are. */
const Layout = z.enum([ADVICE_RECORD_SCHEMA, ADVICE_RECORD_SCHEMA_V1]);
const Score = z.number().int().min(1).max(5);

/** The reviewer's approval carried by an @2 record (null when the text needed no review). */
const ReviewOnRecordSchema = z.object({
  reviewer: z.object({ id: z.string().min(1), name: z.string() }),
  rubric: z.object({ accuracy: Score, suitability: Score, clarity: Score, compliance: Score }),
  comment: z.string(),
  submittedBy: z.string().min(1),
  submittedAt: z.string(),
  reviewedAt: z.string(),
});

/**
 * The client in a pseudonymized export (app/records/pseudonymize.ts): no name, contact details, notes or birth date;
 * the id is a keyed pseudonym, age and money are ranges. Strict, so a record that still carries any of them fails.
 */
export const PseudonymousClientSchema = z
  .object({
    id: z.string().regex(/^PS-[0-9a-f]{16}$/),
    pseudonymized: z.literal(true),
    kind: z.string(),
    language: z.string().nullable(),
    riskClass: z.string().nullable(),
    ageBand: z.string().nullable(),
    foundedYear: z.number().int().nullable(),
    sector: z.string().nullable(),
    creditRating: z.string().nullable(),
    creditScoreBand: z.string().nullable(),
    amounts: z.record(z.string(), z.string().nullable()),
    dependents: z.number().int().nullable(),
    objectives: z.array(z.unknown()),
    horizonYears: z.number().nullable(),
    liquidityNeed: z.string().nullable(),
    knowledgeLevel: z.string().nullable(),
    experienceYears: z.number().nullable(),
    complexProductExperience: z.boolean().nullable(),
    professionalInvestor: z.boolean().nullable(),
    sustainabilityPreference: z.boolean().nullable(),
    kycReviewedAt: z.string().nullable(),
    questionnaire: z.unknown(),
  })
  .strict();

/** The client as they stood, or in a pseudonymized export their pseudonymous form. */
const ClientOnRecord = z.union([PseudonymousClientSchema, Obj.and(z.object({ id: z.string() }))]);

const Suitability = z.object({
  suitable: z.boolean(),
  ruleSet: z.object({ id: z.string(), version: z.number().int() }),
  deviationApplied: z.boolean(),
  checks: z.array(Obj),
  reasons: z.array(z.object({ ruleId: z.string(), passed: z.boolean(), text: Text })),
});
const Deviation = z.object({
  id: z.string(),
  warning: Text,
  acknowledgedBy: z.string(),
  acknowledgedAt: z.string(),
  reason: z.string(),
});

/**
 * The layout an export promises for each record (advisor-desk/advice-record@2, which adds `review`; @1 records,
 * made before it, are read and exported as they were made): every field the domain notes ask a record to carry is
 * required; the client, product and market inside are the app's own records as they stood.
 * docs/schemas/advice-records-export.schema.json is generated from this and checked by a test.
 */
export const PitchRecordSchema = z.object({
  schema: Layout,
  id: z.string().min(1),
  kind: z.literal('pitch-approved'),
  createdAt: z.string(),
  advisor: z.string().min(1),
  approver: z.string().min(1),
  review: ReviewOnRecordSchema.nullable().optional(),
  client: ClientOnRecord,
  product: Obj.and(z.object({ id: z.string(), riskGrade: z.string() })),
  suitability: Suitability,
  deviation: Deviation.nullable(),
  market: Obj.nullable(),
  ranking: z
    .object({
      impressionId: z.string(),
      shownAt: z.string(),
      position: z.number().int().min(1),
      probability: z.number().min(0).max(1),
      modelVersion: z.number().int().nullable(),
      reasons: z.array(Obj),
    })
    .nullable(),
  pitch: z.object({
    draftId: z.string(),
    language: z.enum(['en', 'zh-CN']),
    approvedVersion: z.number().int().min(1),
    finalText: PitchText,
    machineDraft: z
      .object({ version: z.number().int().min(1), source: z.enum(['model', 'template', 'advisor']), text: PitchText })
      .nullable(),
    changes: z.array(
      z.object({
        field: z.string(),
        machine: z.union([z.string(), z.array(z.string())]),
        final: z.union([z.string(), z.array(z.string())]),
      }),
    ),
    generation: Obj.nullable(),
    disclosures: z.array(Text).min(1),
    issuesAtApproval: z.array(Obj),
  }),
});

/** A ranking presented without a pitch: every product shown or rejected, with its suitability in words. */
export const PresentedRecordSchema = z.object({
  schema: Layout,
  id: z.string().min(1),
  kind: z.literal('ranking-presented'),
  createdAt: z.string(),
  advisor: z.string().min(1),
  approver: z.null(),
  client: ClientOnRecord,
  market: Obj.nullable(),
  presentation: z.object({
    impressionId: z.string(),
    shownAt: z.string(),
    shownTo: z.string(),
    surface: z.string(),
    modelVersion: z.number().int().nullable(),
    ruleSet: z.object({ id: z.string(), version: z.number().int() }),
    languageModel: Obj.nullable(),
    note: z.string(),
    changedSinceShown: z.array(z.string()),
  }),
  products: z.array(
    z.object({
      product: Obj.and(z.object({ id: z.string(), riskGrade: z.string() })),
      role: z.enum(['recommended', 'rejected']),
      position: z.number().int().min(1).nullable(),
      probability: z.number().min(0).max(1).nullable(),
      reasons: z.array(Obj),
      movedForDiversity: z.boolean(),
      suitability: Suitability,
    }),
  ),
  deviations: z.array(Deviation),
});

/** A correction: a new record naming the one it corrects, why, and each statement it puts right. */
export const CorrectionRecordSchema = z.object({
  schema: Layout,
  id: z.string().min(1),
  kind: z.literal('correction'),
  createdAt: z.string(),
  advisor: z.string().min(1),
  approver: z.null(),
  client: z.object({ id: z.string() }),
  corrects: z.object({
    id: z.string(),
    kind: z.enum(['pitch-approved', 'ranking-presented']),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  reason: z.string().min(1),
  changes: z.array(z.object({ field: z.string(), was: z.string(), now: z.string() })).min(1),
});

export const AdviceRecordSchema = z.discriminatedUnion('kind', [
  PitchRecordSchema,
  PresentedRecordSchema,
  CorrectionRecordSchema,
]);

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One record in an export: the record and the sha256 of its text as written. In a pseudonymized export the record is
 * the pseudonymized one and `storedHash` is the hash of the record as stored, which ties it to the store without
 * saying anything about the client.
 */
export const ExportedRecordSchema = z.object({
  contentHash: Sha256,
  storedHash: Sha256.optional(),
  record: AdviceRecordSchema,
});
export type ExportedRecord = z.infer<typeof ExportedRecordSchema>;

export const ADVICE_EXPORT_SCHEMA = 'advisor-desk/advice-records-export@1';

export const AdviceExportSchema = z.object({
  schema: z.literal(ADVICE_EXPORT_SCHEMA),
  generatedAt: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  filters: z.object({
    client: z.string().nullable(),
    advisor: z.string().nullable(),
    kind: z.string().nullable().optional(),
  }),
  /** Clients pseudonymized (see PseudonymousClientSchema); absent in exports made before pseudonymization existed. */
  pseudonymized: z.boolean().optional(),
  records: z.array(ExportedRecordSchema),
});

/** Everything of the export document but its records: what a writer puts before the first record. */
export const AdviceExportHeadSchema = AdviceExportSchema.omit({ records: true });
export type AdviceExportHead = z.infer<typeof AdviceExportHeadSchema>;
