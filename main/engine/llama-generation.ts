import type { Llama, LlamaGrammar } from 'node-llama-cpp';
import type { GenerateOptions, GenerateRequest, GenerateResult } from '../../app/ports/language-model';
import type { LoadedLlm } from '../llm/llm-runtime';

async function grammarFor(llama: Llama, request: GenerateRequest): Promise<LlamaGrammar | undefined> {
  const constraint = request.constraint;
  if (!constraint) return undefined;
  if ('grammar' in constraint) return llama.createGrammar({ grammar: constraint.grammar });
  return llama.createGrammarForJsonSchema(
    constraint.jsonSchema as Parameters<Llama['createGrammarForJsonSchema']>[0],
  ) as Promise<LlamaGrammar>;
}

/**
 * One generation on the loaded model's single context sequence: a chat session when the prompt is a chat, a plain
 * completion otherwise. The caller runs generations one at a time; the sequence is freed whatever happens.
 */
export async function generateOnModel(
  loaded: LoadedLlm,
  request: GenerateRequest,
  options: GenerateOptions = {},
): Promise<{ answer: GenerateResult; decodeRate: number | null }> {
  const { LlamaChatSession, LlamaCompletion } = await import('node-llama-cpp');
  const grammar = await grammarFor(loaded.llama, request);
  const signal = options.signal;
  const sequence = loaded.context.getSequence();
  let text = '';
  let tokens = 0;
  // Decode speed after the first token (prompt processing excluded), for the runtime's thread measurement.
  let firstTokenAt: number | null = null;
  let lastTokenAt = 0;
  // Why node-llama-cpp ended. Counting streamed tokens is not enough: tokens the grammar forces can reach onToken in
  // fewer calls than were generated, so an answer cut off at maxTokens looked finished and was read as broken JSON.
  let reason: string | undefined;
  try {
    const common = {
      ...(grammar ? { grammar } : {}),
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
      ...(signal ? { signal } : {}),
      stopOnAbortSignal: true,
      onTextChunk: (chunk: string) => {
        text += chunk;
        options.onText?.(chunk);
      },
      onToken: (t: readonly unknown[]) => {
        tokens += t.length;
        lastTokenAt = performance.now();
        firstTokenAt ??= lastTokenAt;
      },
    };
    if (request.prompt.format === 'chat') {
      const session = new LlamaChatSession({
        contextSequence: sequence,
        systemPrompt: request.prompt.system,
        autoDisposeSequence: false,
      });
      reason = (await session.promptWithMeta(request.prompt.user, common)).stopReason;
      session.dispose({ disposeSequence: false });
    } else {
      const completion = new LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
      reason = (await completion.generateCompletionWithMeta(request.prompt.text, common)).metadata.stopReason;
      completion.dispose({ disposeSequence: false });
    }
  } finally {
    sequence.dispose();
  }
  const stop =
    signal?.aborted || reason === 'abort'
      ? 'aborted'
      : reason === 'maxTokens' || tokens >= request.maxTokens
        ? 'max-tokens'
        : 'end';
  const decodeMs = firstTokenAt === null ? 0 : lastTokenAt - firstTokenAt;
  const decodeRate = tokens >= 8 && decodeMs > 0 ? ((tokens - 1) * 1000) / decodeMs : null;
  return { answer: { text, tokens, stop }, decodeRate };
}
