import type { AppliedLora, LlmStatus } from '../contract/llm-channels';

/**
 * The local language engine as the use-cases see it. Everything that crosses it is plain data (strings, numbers,
 * arrays, records), so the engine can live in this process or in one of its own behind a message channel, and a
 * fake can stand in for it in tests. Every method is async for the same reason.
 */
export interface LanguageModel {
  /** Where the engine stands, and which model it holds when one is loaded. */
  status(): Promise<EngineState>;
  /** Hears every change of state, load progress included; returns the unsubscribe function. */
  onState(listener: (state: EngineState) => void): () => void;

  /** Loads a model file in place of the one held; resolves when it is loaded, or cancelled (state 'none'). */
  load(request: LoadRequest): Promise<EngineState>;
  /** Stops a load in progress; what was loaded so far is freed. */
  cancelLoad(): Promise<EngineState>;
  /** Frees the model once the work already asked of it has finished. */
  unload(): Promise<EngineState>;

  /** Text from the loaded model, handed to `onText` as it comes; an aborted signal ends it with stop 'aborted'. */
  generate(request: GenerateRequest, options?: GenerateOptions): Promise<GenerateResult>;
  /** One vector per text, in the order given; a text longer than the embedding context is cut to fit. */
  embed(texts: readonly string[], options?: WorkOptions): Promise<number[][]>;
  /**
   * How likely each answer word is as the very next token after prefix + suffix, for every suffix. The engine keeps
   * what it has already evaluated of a prompt, so a prefix shared by many suffixes is evaluated once.
   */
  chooseNext(request: ChoiceRequest, options?: WorkOptions): Promise<ChoiceResult>;
  /** Token counts of a choice prompt's pieces against the room of the context the choices are evaluated in. */
  measureChoice(request: Pick<ChoiceRequest, 'prefix' | 'suffixes'>): Promise<ChoiceMeasure>;
  /** Tokens each text takes with the loaded model's tokenizer (no start-of-text token added). */
  countTokens(texts: readonly string[]): Promise<number[]>;

  /** Frees everything; the engine is not used again after this. */
  dispose(): Promise<void>;
}

export interface EngineState {
  status: LlmStatus;
  /** The model in memory; null unless status.state is 'loaded'. */
  loaded: LoadedModel | null;
}

export interface LoadedModel {
  /** Absolute path of the file. */
  path: string;
  sha256: string;
  /** Whether the file carries a chat template; a model without one is prompted with plain text. */
  hasChatTemplate: boolean;
  /** Tokens of the context generation runs in. */
  contextSize: number;
  threads: number;
  /** The LoRA adapter drafting runs with; null without one. */
  lora: AppliedLora | null;
}

export interface LoadRequest {
  path: string;
  gpuLayers: 'auto' | number;
  contextSize: 'auto' | number;
  /** A LoRA adapter file to apply to the model, at this scale. */
  lora?: { path: string; scale: number } | null;
}

export type GeneratePrompt = { format: 'chat'; system: string; user: string } | { format: 'plain'; text: string };

/** What the output must obey: a JSON schema (turned into a grammar by the engine) or a GBNF grammar. */
export type GenerateConstraint = { jsonSchema: Readonly<Record<string, unknown>> } | { grammar: string };

export interface GenerateRequest {
  prompt: GeneratePrompt;
  constraint?: GenerateConstraint;
  maxTokens: number;
  temperature: number;
  seed?: number;
}

export interface WorkOptions {
  /** Aborting stops the work at the next token or item; generate resolves with what it has, the rest reject. */
  signal?: AbortSignal | undefined;
}

export interface GenerateOptions extends WorkOptions {
  onText?: (chunk: string) => void;
}

export interface GenerateResult {
  text: string;
  /** Tokens generated. */
  tokens: number;
  /** 'end': the model or its constraint finished; 'max-tokens': cut off; 'aborted': the signal stopped it. */
  stop: 'end' | 'max-tokens' | 'aborted';
}

export interface ChoiceRequest {
  /** Pieces of the shared start, each tokenized on its own so a piece's tokens never depend on what follows. */
  prefix: readonly string[];
  suffixes: readonly string[];
  /** Answer words; a word's probability sums the first tokens of its spellings (capitalised or not, leading space). */
  answers: readonly string[];
  /** Keep what the engine already holds of the prompt (default); false evaluates each suffix from scratch. */
  reusePrefix?: boolean;
}

export interface ChoiceResult {
  /** Per suffix, each answer's probability in the order of `answers`; null where the prompt does not fit. */
  probabilities: (number[] | null)[];
  /** Prompt tokens this call evaluated: what proves a shared prefix was evaluated once. */
  evaluatedTokens: number;
}

export interface ChoiceMeasure {
  prefixTokens: number;
  suffixTokens: number[];
  /** Tokens the choice context holds; a prompt must stay below it. */
  contextSize: number;
}
