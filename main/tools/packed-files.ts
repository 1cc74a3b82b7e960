import path from 'node:path';
import { parseArgs } from 'node:util';
import { groupOf, listPackedFiles, readBuilderConfig, type PackTarget, type TargetOs } from './packing-rules';

// Lists what electron-builder would pack for one target and prints the total and the biggest parts, so a change to
// electron-builder.yml or to the dependencies can be measured without Electron's binary or a full `--dir` build.
const HELP = `Usage: npx tsx main/tools/packed-files.ts [--os linux|mac|win] [--arch x64|arm64] [--top N] [--config FILE]

Lists the files electron-builder would put in the app (run \`npm run build\` first so dist/ is current) and prints
the total size, the split between app.asar, app.asar.unpacked and resources, and the biggest packages and files.
`;

const { values } = parseArgs({
  options: {
    os: { type: 'string', default: 'linux' },
    arch: { type: 'string', default: 'x64' },
    top: { type: 'string', default: '15' },
    config: { type: 'string' },
    help: { type: 'boolean' },
  },
  strict: true,
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (!['linux', 'mac', 'win'].includes(values.os)) throw new Error(`--os must be linux, mac or win, got "${values.os}"`);
const target: PackTarget = { os: values.os as TargetOs, arch: values.arch };
const top = Number(values.top);

const root = path.resolve(import.meta.dirname, '..', '..');
const config = readBuilderConfig(values.config ? path.resolve(values.config) : path.join(root, 'electron-builder.yml'));
const files = listPackedFiles(root, config, target);

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1).padStart(8)} MB`;
const sum = (placement?: string) =>
  files.filter((f) => !placement || f.placement === placement).reduce((total, f) => total + f.bytes, 0);
const groups = new Map<string, number>();
for (const file of files) groups.set(groupOf(file.path), (groups.get(groupOf(file.path)) ?? 0) + file.bytes);

const lines = [
  `Packed for ${target.os}-${target.arch}: ${files.length} files, ${mb(sum()).trim()} (${sum()} bytes)`,
  `  app.asar           ${mb(sum('asar'))}`,
  `  app.asar.unpacked  ${mb(sum('unpacked'))}`,
  `  resources          ${mb(sum('resources'))}`,
  '',
  `Biggest parts:`,
  ...[...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, bytes]) => `  ${mb(bytes)}  ${name}`),
  '',
  `Biggest files:`,
  ...[...files]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top)
    .map((f) => `  ${mb(f.bytes)}  ${f.path} (${f.placement})`),
];
process.stdout.write(`${lines.join('\n')}\n`);
