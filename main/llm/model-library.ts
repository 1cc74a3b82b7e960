import fs from 'node:fs/promises';
import path from 'node:path';
import type { ModelFileInfo } from '../../app/contract/llm-channels';
import { readGgufHeader } from './gguf-check';
import { appModelsDir, findModelFiles, userModelsDir, type FoundModelFile } from './model-folders';
import { estimateFit } from './model-fit';
import { ModelHashCache } from './model-hash';

/**
 * The model files the app knows about, as the Models page and `advisor-desk models` show them. Broken
 * files are listed with their problem rather than hidden, so an advisor sees why the file they copied does not work.
 */

export interface ModelLibraryOptions {
  dataDir: string;
  /** Defaults to appModelsDir(). */
  appDir?: string;
}

export class ModelLibrary {
  readonly appDir: string;
  readonly userDir: string;
  readonly hashes: ModelHashCache;

  constructor(options: ModelLibraryOptions) {
    this.appDir = path.resolve(options.appDir ?? appModelsDir());
    this.userDir = path.resolve(userModelsDir(options.dataDir));
    this.hashes = new ModelHashCache(options.dataDir);
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

  async describe(file: FoundModelFile, options: { hash: boolean }): Promise<ModelFileInfo> {
    const fileName = path.basename(file.path);
    const header = await readGgufHeader(file.path, fileName);
    let sha256: string | null = null;
    if (header.problem?.kind !== 'unreadable') {
      try {
        sha256 =
          options.hash && !header.problem ? await this.hashes.hash(file.path) : await this.hashes.cached(file.path);
      } catch {
        sha256 = null;
      }
    }
    const fit = header.info && !header.problem ? await estimateFit(header.info).catch(() => null) : null;
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
      problem: header.problem?.text ?? null,
    };
  }
}
