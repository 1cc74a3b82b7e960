// The packages the esbuild bundles leave out and load from node_modules at run time. They are exactly the app's
// production dependencies (a test holds the two together), so electron-builder copies them and nothing else:
// better-sqlite3 and its cipher build (loaded for an encrypted store only) are native, and node-llama-cpp finds its
// prebuilt binaries beside itself on disk. pdfkit loads its standard-font metrics through package imports relative to
// itself, and fontkit is the font reader pdfkit uses: main/pdf hands it fonts it parsed once, so both stay one copy.
export const RUNTIME_PACKAGES = [
  'better-sqlite3',
  'better-sqlite3-multiple-ciphers',
  'node-llama-cpp',
  'pdfkit',
  'fontkit',
];

// Electron is provided by the runtime itself; @node-llama-cpp/* are node-llama-cpp's per-platform binaries.
export const BUNDLE_EXTERNALS = ['electron', ...RUNTIME_PACKAGES, '@node-llama-cpp/*'];
