import packageJson from '../package.json';

/** Bundled from package.json at build time, so the CLI and app report the version they were built from. */
export const APP_VERSION: string = packageJson.version;
