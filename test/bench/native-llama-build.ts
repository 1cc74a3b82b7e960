// Builds native llama.cpp `llama-bench` once, from the exact llama.cpp release node-llama-cpp ships (a git bundle in
// node_modules/node-llama-cpp/llama/), into a cache folder outside the repository, so the generation bench can
// compare the app's engine with native llama.cpp on the same machine in the same run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type NativeBuild =
  { ok: true; binary: string; tag: string; variant: string; note: string } | { ok: false; reason: string };

/**
 * ggml's x86 CPU variants, best first, with the flags each needs (ggml/src/CMakeLists.txt, GGML_CPU_ALL_VARIANTS).
 * node-llama-cpp's prebuilt linux-x64 binary is built with GGML_NATIVE=OFF, GGML_BACKEND_DL=ON and every variant,
 * and loads the best one this CPU supports at run time; building that one variant alone keeps the native binary's
 * kernels the same as the app's without compiling fourteen variants.
 */
const X86_VARIANTS: { name: string; cpuFlags: string[]; cmake: string[] }[] = [
  {
    name: 'skylakex',
    cpuFlags: ['avx2', 'fma', 'f16c', 'bmi2', 'avx512f'],
    cmake: ['SSE42', 'AVX', 'F16C', 'FMA', 'AVX2', 'BMI2', 'AVX512'],
  },
  {
    name: 'alderlake',
    cpuFlags: ['avx2', 'fma', 'f16c', 'bmi2', 'avx_vnni'],
    cmake: ['SSE42', 'AVX', 'F16C', 'FMA', 'AVX2', 'BMI2', 'AVX_VNNI'],
  },
  {
    name: 'haswell',
    cpuFlags: ['avx2', 'fma', 'f16c', 'bmi2'],
    cmake: ['SSE42', 'AVX', 'F16C', 'FMA', 'AVX2', 'BMI2'],
  },
  { name: 'sandybridge', cpuFlags: ['avx'], cmake: ['SSE42', 'AVX'] },
  { name: 'sse42', cpuFlags: ['sse4_2'], cmake: ['SSE42'] },
];
const ALL_X86_FLAGS = [
  'SSE42',
  'AVX',
  'F16C',
  'FMA',
  'AVX2',
  'BMI2',
  'AVX512',
  'AVX_VNNI',
  'AVX512_VBMI',
  'AVX512_VNNI',
  'AVX512_BF16',
];

function cpuVariant(): (typeof X86_VARIANTS)[number] | null {
  if (process.arch !== 'x64') return null;
  let flags: Set<string>;
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    flags = new Set((/^flags\s*:\s*(.*)$/m.exec(info)?.[1] ?? '').split(/\s+/));
  } catch {
    return null;
  }
  return X86_VARIANTS.find((v) => v.cpuFlags.every((f) => flags.has(f))) ?? null;
}

function hasTool(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: string[], cwd: string, log: string): void {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  fs.appendFileSync(log, `$ ${command} ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}\n`);
  if (r.status !== 0) throw new Error(`${command} ${args[0] ?? ''} failed (exit ${r.status}); see ${log}`);
}

function llamaSourceDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../node_modules/node-llama-cpp/llama');
}

export function nativeCacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'advisor-desk', 'native-llama');
}

/**
 * The cached `llama-bench` for node-llama-cpp's llama.cpp release and this CPU's variant, built when missing
 * (a few minutes on 2 cores). Never throws for a missing toolchain: it says what is missing instead.
 */
export function nativeLlamaBench(log: (line: string) => void = console.log): NativeBuild {
  const llamaDir = llamaSourceDir();
  const bundle = path.join(llamaDir, 'gitRelease.bundle');
  const infoFile = path.join(llamaDir, 'llama.cpp.info.json');
  if (!fs.existsSync(bundle) || !fs.existsSync(infoFile))
    return { ok: false, reason: `no llama.cpp source bundle in ${llamaDir}` };
  const tag = (JSON.parse(fs.readFileSync(infoFile, 'utf8')) as { tag: string }).tag;
  const variant = cpuVariant();
  if (!variant)
    return { ok: false, reason: `no x86-64 CPU variant matched (${process.arch}); native build not set up here` };
  const dir = path.join(nativeCacheRoot(), `${tag}-${variant.name}`);
  const binary = path.join(dir, 'build', 'bin', 'llama-bench');
  const note = `llama.cpp ${tag}, CPU variant ${variant.name} (${variant.cmake.join(' ')}), GGML_NATIVE=OFF, GGML_OPENMP=OFF, as node-llama-cpp's prebuilt`;
  if (fs.existsSync(binary)) return { ok: true, binary, tag, variant: variant.name, note: `${note}; cached in ${dir}` };

  const missing = ['git', 'cmake', 'c++', 'make'].filter((t) => !hasTool(t));
  if (missing.length > 0)
    return {
      ok: false,
      reason: `cannot build native llama-bench: ${missing.join(', ')} not found (install cmake and a C++ compiler)`,
    };

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const buildLog = path.join(dir, 'build.log');
  const started = Date.now();
  log(`building native llama-bench (${note}) into ${dir}; once, a few minutes on 2 cores; log ${buildLog}`);
  try {
    run('git', ['clone', '--quiet', bundle, 'src'], dir, buildLog);
    const on = new Set(variant.cmake);
    const isaFlags = ALL_X86_FLAGS.map((f) => `-DGGML_${f}=${on.has(f) ? 'ON' : 'OFF'}`);
    run(
      'cmake',
      [
        '-S',
        'src',
        '-B',
        'build',
        '-DCMAKE_BUILD_TYPE=Release',
        // The same choices node-llama-cpp's CI build makes (its compileLLamaCpp.js): portable kernels, ggml's own
        // thread pool rather than OpenMP, no GPU backends, no network libraries.
        '-DGGML_NATIVE=OFF',
        '-DGGML_OPENMP=OFF',
        '-DGGML_CCACHE=OFF',
        '-DGGML_CUDA=OFF',
        '-DGGML_VULKAN=OFF',
        '-DGGML_METAL=OFF',
        '-DLLAMA_CURL=OFF',
        '-DLLAMA_HTTPLIB=OFF',
        '-DLLAMA_OPENSSL=OFF',
        '-DLLAMA_BUILD_BORINGSSL=OFF',
        '-DLLAMA_BUILD_TESTS=OFF',
        '-DLLAMA_BUILD_EXAMPLES=OFF',
        '-DLLAMA_BUILD_SERVER=OFF',
        '-DLLAMA_BUILD_TOOLS=ON',
        '-DBUILD_SHARED_LIBS=OFF',
        ...isaFlags,
      ],
      dir,
      buildLog,
    );
    run('cmake', ['--build', 'build', '--target', 'llama-bench', '-j2'], dir, buildLog);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (!fs.existsSync(binary)) return { ok: false, reason: `build finished but ${binary} is missing; see ${buildLog}` };
  // The source tree is not needed once built, and is most of the cache's size.
  fs.rmSync(path.join(dir, 'src'), { recursive: true, force: true });
  log(`native llama-bench built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { ok: true, binary, tag, variant: variant.name, note: `${note}; built now in ${dir}` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const r = nativeLlamaBench();
  console.log(r.ok ? `${r.binary} (${r.note})` : `skipped: ${r.reason}`);
}
