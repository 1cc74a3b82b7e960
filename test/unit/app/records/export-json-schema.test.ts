import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AdviceExportSchema } from '../../../../app/records/advice-record-schema';

const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../docs/schemas/advice-records-export.schema.json',
);

/**
 * The JSON Schema published for exports is the one the export validates against: regenerate the file with
 * UPDATE_EXPORT_SCHEMA=1 (then npm run format) when the layout changes (and change the layout's version when a reader could break).
 */
describe('the published export schema', () => {
  it('is the schema exports are validated with', () => {
    const generated = z.toJSONSchema(AdviceExportSchema);
    if (process.env.UPDATE_EXPORT_SCHEMA === '1') fs.writeFileSync(file, `${JSON.stringify(generated, null, 2)}\n`);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(generated);
  });
});
