import path from 'node:path';
import { importsOf } from './import-scanner';

/** A source file, its path relative to the repository root with forward slashes. */
export interface SourceFile {
  path: string;
  source: string;
}

/**
 * Where folders are cut: files under `under` belong to the folder `depth` levels below it. The first rule that
 * matches a file wins, so a more specific rule (renderer/src/pages, one folder per page) goes before a broader one
 * (renderer/src). A file that sits above the cut (renderer/src/App.tsx) belongs to its own directory.
 */
export interface FolderRule {
  under: string;
  depth: number;
}

/** One folder importing another, with the first file (in path order) that does it. */
export interface FolderEdge {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

export interface FolderCycle {
  /** The folders in import order, starting from the smallest name; the last imports the first. */
  folders: string[];
  edges: FolderEdge[];
}

/** The folder a file belongs to under the rules, or null when no rule covers it (outside the graph). */
export function folderOf(file: string, rules: readonly FolderRule[]): string | null {
  for (const rule of rules) {
    if (!file.startsWith(`${rule.under}/`)) continue;
    const below = file.slice(rule.under.length + 1).split('/');
    // The last segment is the file name: only directories count towards the depth.
    const dirs = below.slice(0, -1);
    return [rule.under, ...dirs.slice(0, rule.depth)].join('/');
  }
  return null;
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs'];

/** The file a relative specifier names, tried as written, with an extension, then as a folder's index. */
function resolveSpecifier(from: string, specifier: string, known: ReadonlySet<string>): string {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [target, ...EXTENSIONS.map((e) => target + e), ...EXTENSIONS.map((e) => `${target}/index${e}`)];
  // Not among the files given (a file outside the scanned root): named as written, so its folder still counts.
  return candidates.find((c) => known.has(c)) ?? target;
}

/** Folder-to-folder imports among the files: from → to → the edge, keeping the first importing file. */
export function folderGraph(
  files: readonly SourceFile[],
  rules: readonly FolderRule[],
): Map<string, Map<string, FolderEdge>> {
  const known = new Set(files.map((f) => f.path));
  const graph = new Map<string, Map<string, FolderEdge>>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const from = folderOf(file.path, rules);
    if (from === null) continue;
    for (const specifier of importsOf(file.source)) {
      if (!specifier.startsWith('.')) continue;
      const to = folderOf(resolveSpecifier(file.path, specifier, known), rules);
      if (to === null || to === from) continue;
      const out = graph.get(from) ?? new Map<string, FolderEdge>();
      graph.set(from, out);
      if (!out.has(to)) out.set(to, { from, to, file: file.path, specifier });
    }
  }
  return graph;
}

/**
 * Every elementary cycle of the graph, each once: a cycle is found only from its smallest folder, walking through
 * larger ones. Folder graphs have tens of nodes, so plain enumeration is quick; `limit` guards a pathological one.
 */
export function findFolderCycles(graph: Map<string, Map<string, FolderEdge>>, limit = 100): FolderCycle[] {
  const cycles: FolderCycle[] = [];
  const nodes = [...new Set([...graph.keys(), ...[...graph.values()].flatMap((out) => [...out.keys()])])].sort();
  for (const start of nodes) {
    const trail: FolderEdge[] = [];
    const onTrail = new Set<string>([start]);
    const walk = (at: string): void => {
      for (const [to, edge] of [...(graph.get(at) ?? new Map<string, FolderEdge>())].sort(([a], [b]) =>
        a.localeCompare(b),
      )) {
        if (cycles.length >= limit) return;
        if (to === start) {
          const edges = [...trail, edge];
          cycles.push({ folders: edges.map((e) => e.from), edges });
        } else if (to > start && !onTrail.has(to)) {
          onTrail.add(to);
          trail.push(edge);
          walk(to);
          trail.pop();
          onTrail.delete(to);
        }
      }
    };
    walk(start);
  }
  return cycles;
}

/** One line per cycle, each edge with the file that makes it: what a failing test prints. */
export function describeCycle(cycle: FolderCycle): string {
  const steps = cycle.edges.map((e) => `  ${e.from} -> ${e.to} (${e.file} imports '${e.specifier}')`);
  return [`${[...cycle.folders, cycle.folders[0]].join(' -> ')}`, ...steps].join('\n');
}
