import { IDLE_STATUS } from '../../app/contract/llm-channels';
import type { PitchDraftContent } from '../../app/contract/pitch-channels';
import type { EngineState, GenerateResult, LanguageModel, LoadedModel } from '../../app/ports/language-model';

/** A model file the demo's history says its drafts were written with: name and sha256 as models/catalog.json has them. */
export interface DemoModelFile {
  fileName: string;
  sha256: string;
}

/** The catalog's two Qwen files: the branch drafted with the small one first and the larger one later. */
export const DEMO_MODEL_FILES: readonly DemoModelFile[] = [
  {
    fileName: 'qwen2.5-0.5b-instruct-q4_k_m.gguf',
    sha256: '74a4da8c9fdbcd15bd1f6d01d621410d31c6fc00986f5eb687824e7b93d7a9db',
  },
  {
    fileName: 'qwen2.5-1.5b-instruct-q4_k_m.gguf',
    sha256: '6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e',
  },
];

const refuse = (): never => {
  throw new Error('The demo history replays answers; it runs no language model.');
};

/**
 * Stands in for a loaded language model while the demo's history is made, so its model drafts go through the real
 * drafting use-case (prompt, lint, disclosure, provenance) without a GGUF file on the machine: it "holds" the file
 * it is told to and answers with the text it is handed. Nothing outside the history's making ever sees it.
 */
export class DemoDraftingModel implements LanguageModel {
  private file: DemoModelFile = DEMO_MODEL_FILES[0]!;
  private answer = '';

  /** The next draft comes from this file, with this text. */
  answerWith(file: DemoModelFile, content: PitchDraftContent): void {
    this.file = file;
    this.answer = JSON.stringify(content);
  }

  private loaded(): LoadedModel {
    return {
      path: `models/${this.file.fileName}`,
      sha256: this.file.sha256,
      hasChatTemplate: true,
      contextSize: 4096,
      threads: 4,
      lora: null,
    };
  }

  async status(): Promise<EngineState> {
    const loaded = this.loaded();
    return { status: { ...IDLE_STATUS, state: 'loaded', path: loaded.path, sha256: loaded.sha256 }, loaded };
  }

  onState(): () => void {
    return () => undefined;
  }

  async generate(): Promise<GenerateResult> {
    return { text: this.answer, tokens: Math.ceil(this.answer.length / 4), stop: 'end' };
  }

  /** About four characters a token, as for English text with these tokenizers. */
  async countTokens(texts: readonly string[]): Promise<number[]> {
    return texts.map((t) => Math.ceil(t.length / 4));
  }

  load = async (): Promise<EngineState> => refuse();
  cancelLoad = async (): Promise<EngineState> => refuse();
  unload = async (): Promise<EngineState> => refuse();
  embed = async (): Promise<number[][]> => refuse();
  chooseNext = async (): Promise<never> => refuse();
  measureChoice = async (): Promise<never> => refuse();
  dispose = async (): Promise<void> => undefined;
}
