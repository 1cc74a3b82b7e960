import fs from 'node:fs';
import path from 'node:path';
import { Minimatch } from 'minimatch';
import { parse } from 'yaml';

/**
 * A model of how electron-builder 26 picks the files of an app from electron-builder.yml, so the packed size can be
 * measured and guarded where Electron's binary is missing and `electron-builder --dir` cannot run. It follows
 * app-builder-lib's fileMatcher.js, filter.js and NodeModuleCopyHelper.js closely enough to reproduce the size of a
 * real `--dir` build; it is not a second packager.
 */

export type TargetOs = 'linux' | 'mac' | 'win';
export interface PackTarget {
  os: TargetOs;
  arch: string;
}

type FilePatterns = string | string[] | undefined;
interface PlatformSection {
  files?: FilePatterns;
  asarUnpack?: FilePatterns;
}
export interface BuilderConfig extends Partial<Record<TargetOs, PlatformSection>> {
  files?: FilePatterns;
  asarUnpack?: FilePatterns;
  directories?: { output?: string; buildResources?: string };
  extraResources?: (string | { from: string; to?: string })[];
}

export function readBuilderConfig(file: string): BuilderConfig {
  return parse(fs.readFileSync(file, 'utf8')) as BuilderConfig;
}

// The names and extensions electron-builder always leaves out (fileMatcher.js and NodeModuleCopyHelper.js).
const EXCLUDED_EXTS = 'iml,hprof,orig,pyc,pyo,rbc,swp,csproj,sln,suo,xproj,cc,d.ts,mk,a,o,obj,forge-meta,pdb';
const EXCLUDED_NAMES =
  '.git,.hg,.svn,CVS,RCS,SCCS,__pycache__,.DS_Store,thumbs.db,.gitignore,.gitkeep,.gitattributes,.npmignore,' +
  '.idea,.vs,.flowconfig,.jshintrc,.eslintrc,.circleci,.yarn-integrity,.yarn-metadata.json,yarn-error.log,' +
  'yarn.lock,package-lock.json,npm-debug.log,pnpm-lock.yaml,bun.lock,bun.lockb,appveyor.yml,.travis.yml,' +
  'circle.yml,.nyc_output,.husky,.github,electron-builder.env';
const MODULE_EXCLUDED_NAMES = new Set([
  ...EXCLUDED_NAMES.split(','),
  'CHANGELOG.md',
  'ChangeLog',
  'changelog.md',
  'Changelog.md',
  'Changelog',
  'binding.gyp',
  'node_gyp_bins',
]);
const MODULE_TOP_LEVEL_EXCLUDED = new Set([
  'karma.conf.js',
  '.coveralls.yml',
  'README.md',
  'readme.markdown',
  'README',
  'readme.md',
  'Readme.md',
  'Readme',
  'readme',
  'test',
  'tests',
  '__tests__',
  'powered-test',
  'example',
  'examples',
  '.bin',
]);

function asList(patterns: FilePatterns): string[] {
  if (patterns === undefined) return [];
  return Array.isArray(patterns) ? patterns : [patterns];
}

function expandMacros(pattern: string, target: PackTarget): string {
  return pattern.replace(/\$\{(os|arch)\}/g, (_m, name: 'os' | 'arch') => target[name]);
}

/** An ordered list of globs where the last one that decides wins, as electron-builder's filter reads them. */
class PatternList {
  private readonly compiled: Minimatch[] = [];

  constructor(patterns: readonly string[]) {
    for (const pattern of patterns) {
      this.compiled.push(new Minimatch(pattern, { dot: true }));
      // electron-builder reads a plain folder name ("dist") as the folder and everything in it.
      const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
      if (!body.includes('.') && !/[*?{[(!]/.test(body))
        this.compiled.push(new Minimatch(`${pattern}/**/*`, { dot: true }));
    }
  }

  matches(relativePath: string): boolean {
    let match = false;
    for (const pattern of this.compiled) {
      // Once matched only an exclusion can change the answer, and the other way round.
      if (match !== pattern.negate) continue;
      match = pattern.match(relativePath);
    }
    return match;
  }
}

export type Placement = 'asar' | 'unpacked';

/** Where a path (relative to the project, `/`-separated) would end up in the app for one target, or null if left out. */
export interface PackingRules {
  placeOf(relativePath: string): Placement | null;
  /** The exclusions electron-builder applies inside node_modules (it ignores inclusions there). */
  keepsModuleFile(relativePath: string): boolean;
}

export function packingRules(config: BuilderConfig, target: PackTarget): PackingRules {
  const platform = config[target.os] ?? {};
  const expand = (list: string[]) => list.map((p) => expandMacros(p, target));
  const topLevel = expand(asList(config.files));
  const platformFiles = expand(asList(platform.files));
  const output = config.directories?.output ?? 'dist';
  const buildResources = config.directories?.buildResources ?? 'build';
  const defaultsFirst = ['!**/node_modules/**', `!${buildResources}{,/**/*}`, `!${output}{,/**/*}`];
  const defaultsLast = [
    `!**/*.{${EXCLUDED_EXTS}}`,
    '!**/._*',
    '!**/electron-builder.{yaml,yml,json,json5,toml,ts}',
    `!**/{${EXCLUDED_NAMES}}`,
  ];
  const withDefaults = (list: string[]): string[] => {
    const onlyExclusions = list.every((p) => p.startsWith('!'));
    const start = onlyExclusions ? ['**/*'] : list.includes('package.json') ? [] : ['package.json'];
    return [...start, ...defaultsFirst, ...list, ...defaultsLast];
  };
  // A platform's own `files` does not add to the top-level list: electron-builder makes it a matcher of its own,
  // and one holding only exclusions starts from "everything". The top-level list then survives beside it.
  const appMatchers =
    platformFiles.length > 0
      ? [new PatternList(withDefaults(platformFiles)), new PatternList(topLevel)]
      : [new PatternList(withDefaults(topLevel))];
  const moduleMatcher = new PatternList(['**/*', ...[...topLevel, ...platformFiles].filter((p) => p.startsWith('!'))]);
  const unpack = new PatternList(expand([...asList(config.asarUnpack), ...asList(platform.asarUnpack)]));

  const placement = (relativePath: string): Placement => (unpack.matches(relativePath) ? 'unpacked' : 'asar');
  return {
    keepsModuleFile: (relativePath) => moduleMatcher.matches(relativePath),
    placeOf(relativePath) {
      if (relativePath.startsWith('node_modules/')) {
        if (!moduleMatcher.matches(relativePath) || !keptByModuleDefaults(relativePath, target)) return null;
        return placement(relativePath);
      }
      return appMatchers.some((m) => m.matches(relativePath)) ? placement(relativePath) : null;
    },
  };
}

/** The file names electron-builder drops from every package it copies (readmes, tests, build leftovers). */
function keptByModuleDefaults(relativePath: string, target: PackTarget): boolean {
  const parts = relativePath.split('/');
  const name = parts[parts.length - 1] ?? '';
  const excludedExts = [
    ...EXCLUDED_EXTS.split(',').map((e) => `.${e}`),
    ...(target.os === 'win' ? [] : ['.dll', '.exe']),
  ];
  if (parts.some((part) => MODULE_EXCLUDED_NAMES.has(part) || part.startsWith('._'))) return false;
  if (excludedExts.some((ext) => name.endsWith(ext))) return false;
  // A native module's build leftovers: makefiles beside the build, object folders beside the binary.
  const parent = parts[parts.length - 2] ?? '';
  if (parent.endsWith('build') && (/^(gyp-mac-tool|Makefile)$/.test(name) || /\.(mk|gypi|Makefile)$/.test(name)))
    return false;
  const inObjectFolder = parts.some(
    (part, i) => (part === '.deps' || part === 'obj.target') && (parts[i - 1] ?? '').endsWith('Release'),
  );
  if (inObjectFolder) return false;
  const lastModules = parts.lastIndexOf('node_modules');
  const packageDepth = parts[lastModules + 1]?.startsWith('@') ? 3 : 2;
  const inPackage = parts.slice(lastModules + packageDepth);
  return !(inPackage.length > 0 && MODULE_TOP_LEVEL_EXCLUDED.has(inPackage[0] ?? ''));
}

export interface PackedFile {
  path: string;
  bytes: number;
  placement: Placement | 'resources';
}

interface PackageManifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readManifest(dir: string): PackageManifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageManifest;
}

/** Where Node would find `name` from inside `dir`: the nearest node_modules up the tree that holds it. */
function resolvePackageDir(root: string, dir: string, name: string): string | null {
  for (let at = dir; ; at = path.dirname(at)) {
    const candidate = path.join(at, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (at === root || path.dirname(at) === at) return null;
  }
}

/**
 * The installed folders of the production dependency tree: the app's dependencies and optionalDependencies, then
 * theirs, transitively. Peer dependencies are not followed, as electron-builder's npm collector does not follow
 * them either (it reads the `_dependencies` of `npm ls --long`); a missing optional package is skipped.
 */
export function productionPackageDirs(root: string): string[] {
  const found = new Set<string>();
  const visit = (dir: string): void => {
    const manifest = readManifest(dir);
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const resolved = resolvePackageDir(root, dir, name);
      if (!resolved || found.has(resolved)) continue;
      found.add(resolved);
      visit(resolved);
    }
  };
  visit(root);
  return [...found].sort();
}

function* walk(dir: string, skip: (rel: string) => boolean, root: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(root, full).split(path.sep).join('/');
    if (skip(rel)) continue;
    if (entry.isDirectory()) yield* walk(full, skip, root);
    else if (entry.isFile()) yield rel;
  }
}

/** Every file electron-builder would put in the app for `target`, with its size and where it lands. */
export function listPackedFiles(root: string, config: BuilderConfig, target: PackTarget): PackedFile[] {
  const rules = packingRules(config, target);
  const out: PackedFile[] = [];
  const add = (rel: string, placement: PackedFile['placement']) =>
    out.push({ path: rel, bytes: fs.statSync(path.join(root, rel)).size, placement });

  // App files never come from a node_modules folder (electron-builder excludes **/node_modules/** there).
  const skipApp = (rel: string) => rel === '.git' || rel === 'node_modules' || rel.endsWith('/node_modules');
  for (const rel of walk(root, skipApp, root)) {
    const placement = rules.placeOf(rel);
    if (placement) add(rel, placement);
  }
  for (const dir of productionPackageDirs(root)) {
    // Nested packages are listed on their own, so each walk stops at the next node_modules.
    const skipNested = (rel: string) => rel.endsWith('/node_modules') || !rules.keepsModuleFile(rel);
    for (const rel of walk(dir, skipNested, root)) {
      const placement = rules.placeOf(rel);
      if (placement) add(rel, placement);
    }
  }
  for (const resource of config.extraResources ?? []) {
    const from = typeof resource === 'string' ? resource : resource.from;
    const full = path.join(root, from);
    if (!fs.existsSync(full)) continue;
    if (fs.statSync(full).isDirectory()) for (const rel of walk(full, () => false, root)) add(rel, 'resources');
    else add(from, 'resources');
  }
  return out;
}

/** The package a node_modules path belongs to, or the first two folders of an app path, for grouping sizes. */
export function groupOf(relativePath: string): string {
  const parts = relativePath.split('/');
  const lastModules = parts.lastIndexOf('node_modules');
  if (lastModules >= 0) {
    const name = parts[lastModules + 1] ?? '';
    return `node_modules/${name.startsWith('@') ? `${name}/${parts[lastModules + 2] ?? ''}` : name}`;
  }
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0]!;
}
