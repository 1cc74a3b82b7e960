import { z } from 'zod';

/**
 * The formats an advice-record export can be written in. The Compliance page offers each one listed here and the
 * CLI accepts each; a new format is one entry here and its writer in main/records/export-writers.ts.
 */
export const EXPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** Formats written per client for the client's eyes (a suitability report names them): never pseudonymized. */
export const NAMED_ONLY_FORMATS: readonly ExportFormat[] = ['pdf'];
