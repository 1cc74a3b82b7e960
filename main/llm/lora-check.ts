import { message, renderMessage, type Message } from '../../app/messages';
import { readGgufHeader, type GgufHeaderSummary } from './gguf-check';

/** Why a file offered as a LoRA adapter is refused before llama.cpp sees it, as a catalog message. */
export class LoraAdapterError extends Error {
  constructor(readonly text: Message) {
    super(renderMessage(text, 'en'));
    this.name = 'LoraAdapterError';
  }
}

const nameOf = (filePath: string): string => filePath.split(/[\\/]/).pop() ?? filePath;

/**
 * Reads an adapter file's header as the app reads model headers (not a GGUF, cut short, lengths no file could hold)
 * and refuses, by name, a file that is not a LoRA adapter or is one for another architecture than the base model.
 * Whether its tensors fit the base's shapes is llama.cpp's to say when the adapter is applied (it refuses cleanly).
 */
export async function assertLoraAdapter(
  adapterPath: string,
  base: { path: string; architecture: string | null },
): Promise<GgufHeaderSummary> {
  const file = nameOf(adapterPath);
  const header = await readGgufHeader(adapterPath, file);
  if (!header.adapter) {
    // A file whose header cannot be read says why; a readable one without general.type "adapter" is a model.
    if (header.problem && header.problem.kind !== 'missing-keys' && header.problem.kind !== 'inconsistent')
      throw new LoraAdapterError(message('lora.unusable', { problem: header.problem.text }));
    throw new LoraAdapterError(message('lora.notAdapter', { file }));
  }
  if (header.problem) throw new LoraAdapterError(message('lora.unusable', { problem: header.problem.text }));
  if (header.adapter.type !== 'lora')
    throw new LoraAdapterError(message('lora.notLora', { file, type: header.adapter.type ?? '?' }));
  if (base.architecture !== null && header.architecture !== base.architecture)
    throw new LoraAdapterError(
      message('lora.otherArchitecture', {
        file,
        adapter: header.architecture ?? '?',
        model: nameOf(base.path),
        architecture: base.architecture,
      }),
    );
  return header;
}
