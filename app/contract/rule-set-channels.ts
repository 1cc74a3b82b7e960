import { z } from 'zod';
import { SuitabilityRuleSetSchema } from '../suitability/rule-set';

export const RuleSetVersionSchema = z.object({
  version: z.number().int().min(1),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** False for the shipped default while the institution has stored no rule set of its own. */
  stored: z.boolean(),
  ruleSet: SuitabilityRuleSetSchema,
});
export type RuleSetVersionView = z.infer<typeof RuleSetVersionSchema>;

/** Suitability rule sets: institutions edit them as data; every save is a new version, any version can be made active. */
export const ruleSetChannels = {
  'rules:versions': { input: z.object({}).strict(), output: z.array(RuleSetVersionSchema) },
  /** The rule set is validated by the backend (not here) so a refusal can name every bad field in one answer. */
  'rules:save': {
    input: z.object({ name: z.string().trim().min(1).max(120), ruleSet: z.unknown() }).strict(),
    output: RuleSetVersionSchema,
  },
  'rules:activate': { input: z.object({ version: z.number().int().min(1) }).strict(), output: RuleSetVersionSchema },
} as const;
