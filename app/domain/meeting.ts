import { z } from 'zod';
import { IsoDateTimeSchema } from './enums';

export const MeetingSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  startsAt: IsoDateTimeSchema,
  durationMinutes: z.number().int().min(5),
  location: z.string(),
  purpose: z.string(),
  advisorId: z.string(),
});
export type Meeting = z.infer<typeof MeetingSchema>;
