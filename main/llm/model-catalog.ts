import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { CatalogEntryView } from '../../app/contract/llm-channels';
import { LocalizedTextSchema } from '../../app/domain/localized-text';
import { readGgufHeader } from './gguf-check';
import type { ModelLibrary } from './model-library';

/**
 * models/catalog.json: recommended instruct models an advisor can download where the machine is online.
 * A checksum is only given where it could be verified from a published source; otherwise the entry says
 * `verified: false` and the download is hashed and shown, not checked against an invented value.
 */

export const CatalogEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,119}$/),
    name: z.string().min(1),
    description: LocalizedTextSchema,
    // Plain http only from this machine itself (a local mirror, the download tests).
    uri: z
      .string()
      .regex(
        /^(hf:|https:\/\/|http:\/\/(127\.0\.0\.1|localhost)[:/])/,
        'an hf: URI, an https:// URL, or http:// on this machine',
      ),
    pageUrl: z.string().url(),
    fileName: z.string().regex(/^[^/\\]+\.gguf$/i, 'a plain .gguf file name'),
    sizeBytes: z.number().int().min(0),
    sizeSource: z.string(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    verified: z.boolean(),
    license: z.string().min(1),
  })
  .strict();
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

const CatalogFileSchema = z
  .object({ version: z.literal(1), note: z.string().optional(), models: z.array(CatalogEntrySchema) })
  .strict();

export async function readCatalog(appDir: string): Promise<CatalogEntry[]> {
  const file = path.join(appDir, 'catalog.json');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    // A build without a catalog offers no downloads; the models folders still work.
    return [];
  }
  const parsed = CatalogFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file} is not a valid model catalog: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}.`,
    );
  }
  const ids = new Set<string>();
  for (const entry of parsed.data.models) {
    if (ids.has(entry.id)) throw new Error(`${file} lists the model id ${entry.id} twice.`);
    ids.add(entry.id);
  }
  return parsed.data.models;
}

/** Where a downloaded entry is (app or user models folder), if it is there and intact. */
export async function downloadedPathOf(library: ModelLibrary, entry: CatalogEntry): Promise<string | null> {
  for (const folder of [library.userDir, library.appDir]) {
    const candidate = path.join(folder, entry.fileName);
    const header = await readGgufHeader(candidate, entry.fileName);
    if (header.problem) continue;
    if (entry.sha256 && (await library.hashes.hash(candidate)) !== entry.sha256) continue;
    return candidate;
  }
  return null;
}

export async function catalogView(library: ModelLibrary): Promise<CatalogEntryView[]> {
  const entries = await readCatalog(library.appDir);
  const out: CatalogEntryView[] = [];
  for (const entry of entries) {
    out.push({
      id: entry.id,
      name: entry.name,
      description: entry.description,
      sizeBytes: entry.sizeBytes,
      // The contract's field is a string; empty means "no verified checksum published".
      sha256: entry.sha256 ?? '',
      license: entry.license,
      downloadedPath: await downloadedPathOf(library, entry),
    });
  }
  return out;
}
