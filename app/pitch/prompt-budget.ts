import { message, renderMessage, type Message } from '../messages';
import type { PitchFact, PitchFacts } from './pitch-facts';
import { renderPrompt, systemText, userText, type PitchPrompt, type PromptFormat } from './pitch-prompt';
import type { PitchOptions } from './pitch-types';

/** The model's context, as a port: main/llm counts with the loaded model's own tokenizer. */
export interface PromptBudget {
  countTokens(text: string): number;
  /** The context the model is loaded with, in tokens. */
  contextSize: number;
  /** Room kept for the answer, in tokens. */
  answerTokens: number;
  /** Tokens a chat template adds around each message (role markers); 8 when not given. */
  chatOverheadPerMessage?: number;
}

/** Thrown when even the essential facts and the answer's room do not fit the model's context. */
export class PromptBudgetError extends Error {
  readonly text: Message;
  constructor(
    readonly contextSize: number,
    readonly essentialTokens: number,
    readonly answerTokens: number,
  ) {
    const needed = essentialTokens + answerTokens;
    const text = message('pitchJob.contextTooSmall', {
      context: contextSize,
      essential: essentialTokens,
      answer: answerTokens,
      needed,
    });
    super(renderMessage(text, 'en'));
    this.name = 'PromptBudgetError';
    this.text = text;
  }

  get neededTokens(): number {
    return this.essentialTokens + this.answerTokens;
  }
}

/** Drafting is refused for a product that does not suit the client (docs/domain.md). */
export class UnsuitableProductError extends Error {
  constructor(readonly productId: string) {
    super(`Product ${productId} is not suitable for this client; no pitch is drafted for it`);
    this.name = 'UnsuitableProductError';
  }
}

export interface BuiltPitchPrompt {
  prompt: PitchPrompt;
  /** Keys of the facts the prompt carries, and of those dropped to fit, in the order they were dropped. */
  includedFacts: string[];
  droppedFacts: string[];
  /** Tokens the prompt takes (null without a budget). */
  promptTokens: number | null;
}

export function countPromptTokens(prompt: PitchPrompt, budget: PromptBudget): number {
  if (prompt.format === 'plain') return budget.countTokens(prompt.text);
  const overhead = budget.chatOverheadPerMessage ?? 8;
  return prompt.messages.reduce((sum, m) => sum + budget.countTokens(m.content) + overhead, 0);
}

/** Optional facts in the order they leave: lowest drop rank first, and within a rank in listing order. */
function dropQueue(facts: readonly PitchFact[]): PitchFact[] {
  return facts
    .filter((f) => f.dropRank !== null)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.dropRank! - b.f.dropRank! || a.i - b.i)
    .map((x) => x.f);
}

/**
 * The pitch prompt, fitted to the context: optional facts are dropped in DROP_ORDER until prompt and
 * answer fit, and a PromptBudgetError names the sizes when even the essentials do not.
 */
export function buildPitchPrompt(
  facts: PitchFacts,
  options: PitchOptions & { format: PromptFormat },
  budget?: PromptBudget,
): BuiltPitchPrompt {
  if (!facts.suitability.suitable) throw new UnsuitableProductError(facts.product.id);
  const system = systemText(facts, options);
  const render = (included: readonly PitchFact[]) =>
    renderPrompt(options.format, system, userText(included, options), options.language);
  let included = [...facts.facts];
  const dropped: string[] = [];
  if (!budget)
    return {
      prompt: render(included),
      includedFacts: included.map((f) => f.key),
      droppedFacts: [],
      promptTokens: null,
    };
  const room = budget.contextSize - budget.answerTokens;
  const queue = dropQueue(included);
  let prompt = render(included);
  let tokens = countPromptTokens(prompt, budget);
  while (tokens > room) {
    const next = queue.shift();
    if (!next) throw new PromptBudgetError(budget.contextSize, tokens, budget.answerTokens);
    included = included.filter((f) => f !== next);
    dropped.push(next.key);
    prompt = render(included);
    tokens = countPromptTokens(prompt, budget);
  }
  return { prompt, includedFacts: included.map((f) => f.key), droppedFacts: dropped, promptTokens: tokens };
}
