import { lookup } from 'node:dns/promises';
import fs from 'node:fs/promises';
import type { ModelDownloader } from 'node-llama-cpp';
import type { EventPayload } from '../../app/contract/events';
import { isMessage, message, renderMessage, type Message } from '../../app/messages';
import { readGgufHeader } from './gguf-check';
import { readCatalog, type CatalogEntry } from './model-catalog';
import type { ModelLibrary } from './model-library';
import { DomainError } from '../../app/domain/domain-error';

/**
 * Downloads catalog models into the user's models folder with node-llama-cpp's downloader: progress as
 * 'llm:download' events, cancel keeps the partial file so the next start resumes it, and the finished file is
 * checked (GGUF header, and the sha256 where the catalog has a verified one). Where the machine is offline the
 * start fails within seconds with a message naming the address and the folder to copy the file into, instead of
 * retrying in the background for minutes.
 */

type DownloadEvent = EventPayload<'llm:download'>;
type DownloadState = DownloadEvent['state'];

export interface ModelDownloadsOptions {
  library: ModelLibrary;
  emit(payload: DownloadEvent): void;
  /** How long the start (name lookup and the file's size) may take before it counts as offline. Default 8 s. */
  startTimeoutMs?: number;
}

interface Running {
  downloader: ModelDownloader;
  controller: AbortController;
  cancelled: boolean;
  done: Promise<void>;
}

function hostOf(uri: string): string {
  return uri.startsWith('hf:') ? 'huggingface.co' : new URL(uri).hostname;
}

function urlOf(entry: CatalogEntry): string {
  if (!entry.uri.startsWith('hf:')) return entry.uri;
  const [owner, repo, ...file] = entry.uri.slice(3).split('/');
  return `https://huggingface.co/${owner}/${repo}/resolve/main/${file.join('/')}`;
}

export function offlineMessage(entry: CatalogEntry, folder: string, reason: string): string {
  const url = urlOf(entry);
  const checkEn = entry.sha256 ? ` Its published SHA-256 is ${entry.sha256}.` : '';
  const checkZh = entry.sha256 ? `其公布的 SHA-256 为 ${entry.sha256}。` : '';
  return (
    `${entry.name} cannot be downloaded: this computer cannot reach ${hostOf(entry.uri)} (${reason}). ` +
    `On a computer with internet access, download ${url} and copy ${entry.fileName} into ${folder}; the app lists it there.${checkEn} / ` +
    `无法下载 ${entry.name}：本机无法连接 ${hostOf(entry.uri)}（${reason}）。请在可上网的电脑上下载 ${url}，再把 ${entry.fileName} 复制到 ${folder}，应用会在该文件夹中列出它。${checkZh}`
  );
}

export class ModelDownloads {
  private readonly running = new Map<string, Running>();
  private readonly startTimeoutMs: number;

  constructor(private readonly options: ModelDownloadsOptions) {
    this.startTimeoutMs = options.startTimeoutMs ?? 8000;
  }

  private async entry(id: string): Promise<CatalogEntry> {
    const entry = (await readCatalog(this.options.library.appDir)).find((e) => e.id === id);
    if (!entry)
      throw new DomainError('not_found', `No model with id ${id} in the catalog. / 目录中没有 id 为 ${id} 的模型。`);
    return entry;
  }

  private event(
    id: string,
    state: DownloadState,
    downloadedBytes: number,
    totalBytes: number,
    error: Message | null = null,
  ): void {
    this.options.emit({ id, state, downloadedBytes, totalBytes, error });
  }

  /** Starts (or resumes) a download; answers once it is under way. Offline: DomainError('unavailable'). */
  async start(id: string): Promise<{ id: string; state: DownloadState }> {
    const entry = await this.entry(id);
    if (this.running.has(id)) return { id, state: 'downloading' };
    const folder = this.options.library.userDir;
    await fs.mkdir(folder, { recursive: true });

    const withTimeout = async <T>(work: Promise<T>, what: string): Promise<T> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new DomainError(
                'unavailable',
                offlineMessage(entry, folder, `${what} took longer than ${Math.round(this.startTimeoutMs / 1000)} s`),
              ),
            ),
          this.startTimeoutMs,
        );
      });
      try {
        return await Promise.race([work, timeout]);
      } finally {
        clearTimeout(timer);
      }
    };

    // The name lookup fails at once on an offline machine; node-llama-cpp's own requests would retry for minutes.
    try {
      await withTimeout(lookup(hostOf(entry.uri)), 'the name lookup');
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError(
        'unavailable',
        offlineMessage(entry, folder, (error as NodeJS.ErrnoException).code ?? 'no network'),
      );
    }
    let downloader: ModelDownloader;
    const { createModelDownloader } = await import('node-llama-cpp');
    try {
      downloader = await withTimeout(
        createModelDownloader({
          modelUri: entry.uri,
          dirPath: folder,
          fileName: entry.fileName,
          showCliProgress: false,
          skipExisting: false,
          deleteTempFileOnCancel: false,
          onProgress: ({ downloadedSize, totalSize }) => this.event(id, 'downloading', downloadedSize, totalSize),
        }),
        'asking for the file',
      );
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError(
        'unavailable',
        offlineMessage(entry, folder, error instanceof Error ? error.message.slice(0, 200) : 'request failed'),
      );
    }

    const controller = new AbortController();
    const running: Running = { downloader, controller, cancelled: false, done: Promise.resolve() };
    running.done = this.finish(entry, running);
    this.running.set(id, running);
    this.event(id, 'downloading', downloader.downloadedSize, downloader.totalSize);
    return { id, state: 'downloading' };
  }

  private async finish(entry: CatalogEntry, running: Running): Promise<void> {
    const { downloader } = running;
    try {
      const file = await downloader.download({ signal: running.controller.signal });
      const header = await readGgufHeader(file, entry.fileName);
      if (header.problem)
        throw Object.assign(new Error(renderMessage(header.problem.text, 'en')), { text: header.problem.text });
      const sha256 = await this.options.library.hashes.hash(file);
      if (entry.sha256 && sha256 !== entry.sha256) {
        await fs.rm(file, { force: true });
        throw Object.assign(new Error('checksum'), {
          text: message('download.checksum', { file: entry.fileName, sha256, expected: entry.sha256 }),
        });
      }
      this.event(entry.id, 'completed', downloader.totalSize, downloader.totalSize);
    } catch (error) {
      if (running.cancelled) {
        this.event(entry.id, 'cancelled', downloader.downloadedSize, downloader.totalSize);
      } else {
        const carried = (error as { text?: unknown }).text;
        const text = isMessage(carried)
          ? carried
          : message('download.stopped', {
              file: entry.fileName,
              detail: error instanceof Error ? error.message : String(error),
            });
        this.event(entry.id, 'failed', downloader.downloadedSize, downloader.totalSize, text);
      }
    } finally {
      this.running.delete(entry.id);
    }
  }

  /** Stops a download and keeps the partial file for resuming. */
  async cancel(id: string): Promise<{ id: string; state: DownloadState }> {
    await this.entry(id);
    const running = this.running.get(id);
    if (!running) return { id, state: 'cancelled' };
    running.cancelled = true;
    running.controller.abort();
    await running.downloader.cancel({ deleteTempFile: false }).catch(() => undefined);
    await running.done;
    return { id, state: 'cancelled' };
  }

  /** Stops every download (closing the app). */
  async cancelAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)));
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }
}
