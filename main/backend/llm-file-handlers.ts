import type { HandlerTable } from '../../app/contract/dispatch';
import { catalogView } from '../llm/model-catalog';
import { ModelDownloads } from '../llm/model-download';
import { importModelFile } from '../llm/model-import';
import { ModelLibrary } from '../llm/model-library';
import type { BackendContext } from './backend-context';

type FileChannel = 'llm:models' | 'llm:inspect' | 'llm:import' | 'llm:catalog' | 'llm:download' | 'llm:cancel-download';
export type LlmFileHandlers = Pick<HandlerTable, FileChannel>;

/**
 * Model files, the catalog and downloads. Kept apart from loading and generation (llm-handlers.ts) so the
 * two halves can change without touching each other.
 */
export function llmFileHandlers(
  ctx: BackendContext,
  // Architecture support and fit estimates start llama.cpp: they run in the engine's process, not this one.
  library: ModelLibrary = new ModelLibrary({
    dataDir: ctx.dataDir,
    probe: (file) => ctx.llm.probeFile(file),
    ...(ctx.llm.crashes ? { crashes: ctx.llm.crashes } : {}),
  }),
): LlmFileHandlers {
  const downloads = new ModelDownloads({ library, emit: (payload) => ctx.emit('llm:download', payload) });
  // Closing the app stops any download (the partial file stays, so the next start resumes it): nothing keeps
  // the network busy for a window that is gone.
  ctx.llm.disposeSignal.addEventListener('abort', () => void downloads.cancelAll().catch(() => undefined), {
    once: true,
  });
  return {
    'llm:models': () => library.list(),
    'llm:inspect': ({ path }) => library.inspect(path),
    'llm:import': async ({ path, mode }) => {
      const { linked: _linked, ...info } = await importModelFile(library, path, mode);
      return info;
    },
    'llm:catalog': () => catalogView(library),
    'llm:download': ({ id }) => downloads.start(id),
    'llm:cancel-download': ({ id }) => downloads.cancel(id),
  };
}
