#!/usr/bin/env node
// The `advisor-desk` command. The CLI itself is bundled by `npm run build:main`; this launcher only finds it.
const path = require('node:path');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');

const bundle = path.join(__dirname, '..', '..', 'dist', 'main', 'cli.mjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'advisor-desk: the CLI is not built yet. Run `npm run build:main` in the Advisor Desk folder first.\n',
  );
  process.exit(70);
}
import(pathToFileURL(bundle).href).catch((error) => {
  process.stderr.write(`advisor-desk: ${error && error.message ? error.message : String(error)}\n`);
  process.exit(70);
});
