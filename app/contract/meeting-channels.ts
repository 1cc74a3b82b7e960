import { z } from 'zod';
import { IsoDateTimeSchema } from '../domain/enums';
import { MeetingPlaceSchema, MeetingPurposeSchema, MeetingSchema } from '../domain/meeting';

const Id = z.string().min(1).max(64);
const Note = z.string().max(200).optional();
const Duration = z.number().int().min(5).max(480);

/**
 * How far a meeting's preparation has got. The agenda shows "Not prepared" while it is absent; batch preparation
 * fills it in.
 */
export const MeetingPreparationSchema = z.object({
  status: z.enum(['not-prepared', 'queued', 'preparing', 'prepared', 'failed']),
});
export type MeetingPreparation = z.infer<typeof MeetingPreparationSchema>;

/** A meeting as the agenda lists it. */
export const AgendaMeetingSchema = MeetingSchema.extend({ preparation: MeetingPreparationSchema.optional() });
export type AgendaMeeting = z.infer<typeof AgendaMeetingSchema>;

export const MeetingRangeQuerySchema = z
  .object({
    /** UTC instants, from inclusive, to exclusive: the renderer cuts days in the advisor's time zone. */
    from: IsoDateTimeSchema,
    to: IsoDateTimeSchema,
    advisorId: z.union([Id, z.literal('all')]),
  })
  .strict()
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), 'to must be after from')
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, 'a range is at most 62 days');

/** The agenda: meetings of a day or week, and booking, moving and cancelling one (each audited). */
export const meetingChannels = {
  'meetings:range': { input: MeetingRangeQuerySchema, output: z.array(AgendaMeetingSchema) },
  'meetings:create': {
    input: z
      .object({
        clientId: Id,
        startsAt: IsoDateTimeSchema,
        durationMinutes: Duration,
        location: MeetingPlaceSchema,
        locationNote: Note,
        purpose: MeetingPurposeSchema,
        purposeNote: Note,
        advisorId: Id.optional(),
      })
      .strict(),
    output: MeetingSchema,
  },
  'meetings:move': {
    input: z.object({ id: Id, startsAt: IsoDateTimeSchema, durationMinutes: Duration.optional() }).strict(),
    output: MeetingSchema,
  },
  'meetings:cancel': { input: z.object({ id: Id }).strict(), output: MeetingSchema },
} as const;
