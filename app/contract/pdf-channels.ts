import { z } from 'zod';
import { LanguageSchema } from '../domain/enums';

const Id = z.string().min(1).max(64);

/** A document for the renderer to save: the name to offer and the bytes, base64 (the contract carries JSON). */
export const PdfFileSchema = z.object({
  fileName: z.string().min(1),
  base64: z.string(),
});
export type PdfFile = z.infer<typeof PdfFileSchema>;

/** Documents an advisor takes away from the pitch and client pages, written by the backend as PDF. */
export const pdfChannels = {
  /** One approved pitch version as a client-facing PDF; a version that is not approved is refused ('validation'). */
  'pitch:export-pdf': {
    input: z.object({ draftId: Id, version: z.number().int().min(1) }).strict(),
    output: PdfFileSchema,
  },
  /** The client's current ranking as a sheet: suitable products with score and reasons, excluded ones with why. */
  'clients:recommendation-sheet-pdf': {
    input: z.object({ clientId: Id }).strict(),
    output: PdfFileSchema,
  },
  /**
   * The meeting pack for one client: profile and KYC, holdings, market, products to discuss with their pitches,
   * exclusions and questions, in the client's language unless another is asked; for a meeting when one is named.
   */
  'clients:meeting-pack-pdf': {
    input: z.object({ clientId: Id, language: LanguageSchema.optional(), meetingId: Id.optional() }).strict(),
    output: PdfFileSchema,
  },
} as const;
