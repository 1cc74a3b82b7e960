import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
}

describe('the Electron fuses the packed app is built with', () => {
  const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
  const fuses = config.electronFuses ?? {};

  it('takes away the ways to run other code inside the app', () => {
    // NODE_OPTIONS=--require … and --inspect would let anyone with a shell read every client through the app.
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
    // Only the packed, integrity-checked asar is loaded: no app/ folder beside it is picked up instead.
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('encrypts the cookie store', () => {
    expect(fuses.enableCookieEncryption).toBe(true);
  });

  it('turns run-as-node off, and nothing in the app relies on it', () => {
    expect(fuses.runAsNode).toBe(false);
    for (const file of [
      'main/engine/fork-engine.ts',
      'main/host/backend-utility.ts',
      'main/electron/utility-backend.ts',
    ])
      expect(fs.readFileSync(path.join(root, file), 'utf8')).not.toContain("ELECTRON_RUN_AS_NODE: '1'");
  });
});
