import { z } from 'zod';
import { IsoDateTimeSchema } from './enums';

/**
 * Where a meeting takes place and what it is for are codes from fixed lists, so both languages can name them; a
 * short free text beside each says what the list cannot ("Room 3", "Mother's care costs").
 */
export const MEETING_PLACES = ['branch', 'client-office', 'video', 'phone', 'other'] as const;
export const MeetingPlaceSchema = z.enum(MEETING_PLACES);
export type MeetingPlace = z.infer<typeof MeetingPlaceSchema>;

export const MEETING_PURPOSES = [
  'annual-review',
  'questionnaire-refresh',
  'retirement-planning',
  'protection-review',
  'financing-needs',
  'portfolio-rebalance',
  'new-client',
  'other',
] as const;
export const MeetingPurposeSchema = z.enum(MEETING_PURPOSES);
export type MeetingPurpose = z.infer<typeof MeetingPurposeSchema>;

/** A cancelled meeting is kept (and shown struck through) so the day's history stays readable. */
export const MeetingStatusSchema = z.enum(['scheduled', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

export const MeetingSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  startsAt: IsoDateTimeSchema,
  durationMinutes: z.number().int().min(5),
  location: MeetingPlaceSchema,
  locationNote: z.string(),
  purpose: MeetingPurposeSchema,
  purposeNote: z.string(),
  advisorId: z.string(),
  status: MeetingStatusSchema,
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** The instant a meeting ends, as epoch milliseconds. */
export const meetingEndMs = (m: Pick<Meeting, 'startsAt' | 'durationMinutes'>): number =>
  Date.parse(m.startsAt) + m.durationMinutes * 60_000;
