// Types for bundle-externals.mjs, which build-main.mjs runs with plain Node.
export declare const RUNTIME_PACKAGES: readonly string[];
export declare const BUNDLE_EXTERNALS: readonly string[];
