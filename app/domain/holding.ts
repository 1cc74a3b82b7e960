import { z } from 'zod';
import { IsoDateSchema } from './enums';

export const HoldingSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  productId: z.string(),
  amount: z.number(),
  acquiredOn: IsoDateSchema,
});
export type Holding = z.infer<typeof HoldingSchema>;
