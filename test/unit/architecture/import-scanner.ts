/** Module specifiers a TypeScript file imports, re-exports, dynamically imports or requires. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*import\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?:type\s+)?[^'"]*?\s+from\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const hits: { at: number; spec: string }[] = [];
  for (const pattern of patterns)
    for (const m of source.matchAll(pattern)) hits.push({ at: m.index ?? 0, spec: m[1] as string });
  hits.sort((a, b) => a.at - b.at);
  for (const h of hits) found.push(h.spec);
  return found;
}

const DRIVERS_AND_RUNTIMES = ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'node-llama-cpp', 'ws'];
const UI_LIBRARIES = ['react', 'react-dom', '@mui/', '@emotion/', '@tanstack/', '@fontsource/'];

function isBuiltin(spec: string, builtins: readonly string[]): boolean {
  return spec.startsWith('node:') || builtins.includes(spec) || builtins.includes(spec.split('/')[0] ?? '');
}

/** The layering rules of house-style.md, as one function a test can run over every file. */
export function findLayerViolations(file: string, source: string, builtins: readonly string[]): string[] {
  const layer = file.split(/[\\/]/)[0];
  const out: string[] = [];
  for (const spec of importsOf(source)) {
    const bad = (why: string) => out.push(`${file}: imports '${spec}' (${why})`);
    const pointsInto = (dir: string) => spec.startsWith('.') && new RegExp(`(^|/)${dir}(/|$)`).test(spec);
    if (layer === 'app') {
      if (isBuiltin(spec, builtins)) bad('app/ is pure: no Node modules');
      else if (DRIVERS_AND_RUNTIMES.some((d) => spec === d || spec.startsWith(`${d}/`)))
        bad('app/ must not depend on a runtime or driver');
      else if (UI_LIBRARIES.some((u) => spec === u || spec.startsWith(u.endsWith('/') ? u : `${u}/`)))
        bad('app/ must not depend on UI libraries');
      else if (pointsInto('main') || pointsInto('renderer') || pointsInto('test'))
        bad('app/ must not import outer layers');
    } else if (layer === 'renderer') {
      if (isBuiltin(spec, builtins)) bad('the renderer runs in a sandboxed page');
      else if (DRIVERS_AND_RUNTIMES.some((d) => spec === d || spec.startsWith(`${d}/`)))
        bad('the renderer reaches the backend only through window.advisorDesk');
      else if (pointsInto('main')) bad('the renderer must not import main/');
    } else if (layer === 'main') {
      if (pointsInto('renderer')) bad('main/ must not import the renderer');
      const inDb = /^main[\\/]db[\\/]/.test(file);
      const driver = spec.split('/')[0];
      if (!inDb && (driver === 'better-sqlite3' || driver === 'better-sqlite3-multiple-ciphers')) {
        // Type-only imports for handing a connection around are fine; SQL still lives in main/db.
        if (!new RegExp(`import\\s+type\\s+[^;]*['"]${spec}['"]`).test(source))
          bad('SQL and the driver live only in main/db/');
      }
    }
  }
  return out;
}
