import fs from 'node:fs/promises';
import path from 'node:path';
import type { ModelFileInfo } from '../../app/contract/llm-channels';
import { message, type Message } from '../../app/messages';
import { EngineCrashes } from './engine-crashes';
import { probeModelFile, type NativeFileFacts, type ProbeOptions } from './file-probe';
import { problemText, readGgufHeader } from './gguf-check';
import { appModelsDir, findModelFiles, userModelsDir, type FoundModelFile } from './model-folders';
import { ModelHashCache } from './model-hash';

/**
 * The model files the app knows about, as the Models page and `advisor-desk models` show them. Broken
 * files are listed with their problem rather than hidden, so an advisor sees why the file they copied does not work.
 */

export interface ModelLibraryOptions {
  dataDir: string;
  /** Defaults to appModelsDir(). */
  appDir?: string;
  /**
   * The native half of describing a file (architecture support, fit), run where an abort cannot take the caller
   * down: the backend passes its engine process. Default: in this process (tests of the listing itself).
   */
  probe?: (filePath: string, options?: ProbeOptions) => Promise<NativeFileFacts>;
  /** Files that killed the engine (recorded by the engine's LanguageEngine); default the record in dataDir. */
  crashes?: EngineCrashes;
}

export class ModelLibrary {
  readonly appDir: string;
  readonly userDir: string;
  readonly hashes: ModelHashCache;
  readonly crashes: EngineCrashes;
  private readonly probe: (filePath: string, options?: ProbeOptions) => Promise<NativeFileFacts>;

  constructor(options: ModelLibraryOptions) {
    this.appDir = path.resolve(options.appDir ?? appModelsDir());
    this.userDir = path.resolve(userModelsDir(options.dataDir));
    this.hashes = new ModelHashCache(options.dataDir);
    this.crashes = options.crashes ?? new EngineCrashes(options.dataDir);
    this.probe = options.probe ?? probeModelFile;
  }

  /**
   * The native facts of a file whose header passed, or the problem that stops it: an architecture llama.cpp does
   * not run, or a crash of the engine, now or remembered from before (then the file is not probed again).
   */
  private async native(
    filePath: string,
    fileName: string,
    architecture: string | null,
  ): Promise<{ facts: NativeFileFacts | null; problem: Message | null }> {
    const remembered = await this.crashes.of(filePath);
    if (remembered) return { facts: null, problem: problemText('crashed-engine', { fileName, how: remembered.how }) };
    let facts: NativeFileFacts;
    try {
      facts = await this.probe(filePath);
    } catch {
      // The engine that probed records a crash it died of (LanguageEngine); any other failure leaves the fit unknown.
      const crash = await this.crashes.of(filePath);
      return { facts: null, problem: crash ? problemText('crashed-engine', { fileName, how: crash.how }) : null };
    }
    if (!facts.supported)
      return {
        facts,
        problem: problemText('unsupported-architecture', { fileName, architecture: architecture ?? '?' }),
      };
    return { facts, problem: null };
  }

  /** Headers and fit of every *.gguf in both folders; hashes only where already cached (listing never reads GBs). */
  async list(): Promise<ModelFileInfo[]> {
    const files = await findModelFiles({ app: this.appDir, user: this.userDir });
    const out: ModelFileInfo[] = [];
    for (const file of files) out.push(await this.describe(file, { hash: false }));
    return out;
  }

  /** One file: header, fit, and its sha256 (computed now unless cached). */
  async inspect(filePath: string): Promise<ModelFileInfo> {
    const full = path.resolve(filePath);
    return this.describe({ path: full, source: await this.sourceOf(full) }, { hash: true });
  }

  async sourceOf(full: string): Promise<FoundModelFile['source']> {
    if (path.dirname(full) === this.appDir) return 'app-models-folder';
    try {
      if ((await fs.lstat(full)).isSymbolicLink()) return 'imported-link';
    } catch {
      // Missing: described as unreadable below.
    }
    return 'user-models-folder';
  }

  /**
   * A header that lacks keys may simply be of an architecture this llama.cpp does not know (its keys are named
   * after it): that is the truer message, and asking costs the engine a name lookup, no load and no estimate.
   */
  private async headerProblem(
    filePath: string,
    fileName: string,
    header: Awaited<ReturnType<typeof readGgufHeader>>,
  ): Promise<Message> {
    const problem = header.problem!;
    if (problem.kind !== 'missing-keys' || header.architecture === null) return problem.text;
    if (await this.crashes.of(filePath)) return problem.text;
    const facts = await this.probe(filePath, { fit: false }).catch(() => null);
    return facts && !facts.supported
      ? problemText('unsupported-architecture', { fileName, architecture: header.architecture })
      : problem.text;
  }

  async describe(file: FoundModelFile, options: { hash: boolean }): Promise<ModelFileInfo> {
    const fileName = path.basename(file.path);
    const header = await readGgufHeader(file.path, fileName);
    // A LoRA adapter is not a model: nothing to probe or fit on its own; it is applied to a loaded base model.
    const adapterFor = header.adapter && !header.problem ? header.architecture : null;
    const native = header.problem
      ? { facts: null, problem: await this.headerProblem(file.path, fileName, header) }
      : header.adapter
        ? {
            facts: null,
            problem:
              header.adapter.type === 'lora'
                ? null
                : message('lora.notLora', { file: fileName, type: header.adapter.type ?? '?' }),
          }
        : await this.native(file.path, fileName, header.architecture);
    let sha256: string | null = null;
    if (header.problem?.kind !== 'unreadable') {
      try {
        sha256 =
          options.hash && !native.problem ? await this.hashes.hash(file.path) : await this.hashes.cached(file.path);
      } catch {
        sha256 = null;
      }
    }
    const fit = native.facts?.fit ?? null;
    return {
      path: file.path,
      fileName,
      source: file.source,
      sizeBytes: header.sizeBytes,
      architecture: header.architecture,
      parameterCount: header.parameterCount,
      quantization: header.quantization,
      contextLength: header.contextLength,
      hasChatTemplate: header.hasChatTemplate,
      sha256,
      fit,
      problem: native.problem,
      adapterFor: native.problem ? null : adapterFor,
    };
  }
}
