import { z } from 'zod';
import { CustomAttributesSchema, InteractionChannelSchema, IsoDateTimeSchema, OutcomeSchema } from './enums';

/** One time a product was shown to a client: by which policy, with which score, and how the client reacted. */
export const InteractionSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  productId: z.string(),
  occurredAt: IsoDateTimeSchema,
  channel: InteractionChannelSchema,
  policy: z.string(),
  score: z.number().nullable(),
  outcome: OutcomeSchema.nullable(),
  advisorId: z.string(),
  note: z.string(),
  /** Market state recorded with the interaction itself (an imported `market.<name>` column); absent means none. */
  context: CustomAttributesSchema.optional(),
  /** The ranking the advisor recorded this reaction from, when it was recorded from one. */
  impressionId: z.string().optional(),
});
export type Interaction = z.infer<typeof InteractionSchema>;

/** Accepted or interested counts as a positive label for the interest model. */
export function isPositiveOutcome(outcome: Interaction['outcome']): boolean {
  return outcome === 'accepted' || outcome === 'interested';
}
