import type { LanguageModel } from '../../ports/language-model';
import {
  buildPitchPrompt,
  type BuiltPitchPrompt,
  type PitchFacts,
  type PitchOptions,
  type PitchPrompt,
} from '../../pitch';
import type { GeneratePrompt } from '../../ports/language-model';

/** Thrown inside the budget's count when a text has not been counted yet; never leaves this file. */
class UncountedText {
  constructor(readonly text: string) {}
}

/**
 * buildPitchPrompt counts tokens synchronously, while the engine counts them asynchronously (it may be in another
 * process): the prompt is built again each time it meets a text not yet counted, until every count is known.
 * Each round costs one count; a prompt that drops n facts takes about n + 2 rounds.
 */
export async function fitPromptToContext(
  model: LanguageModel,
  facts: PitchFacts,
  options: PitchOptions & { format: PitchPrompt['format'] },
  room: { contextSize: number; answerTokens: number },
): Promise<BuiltPitchPrompt> {
  const counts = new Map<string, number>();
  const countTokens = (text: string): number => {
    const known = counts.get(text);
    if (known === undefined) throw new UncountedText(text);
    return known;
  };
  for (;;) {
    try {
      return buildPitchPrompt(facts, options, { countTokens, ...room });
    } catch (error) {
      if (!(error instanceof UncountedText)) throw error;
      const [count] = await model.countTokens([error.text]);
      counts.set(error.text, count ?? 0);
    }
  }
}

/** The pitch prompt as the engine takes it: a chat's system text and its user messages joined, or plain text. */
export function enginePrompt(prompt: PitchPrompt): GeneratePrompt {
  if (prompt.format === 'plain') return { format: 'plain', text: prompt.text };
  return {
    format: 'chat',
    system: prompt.messages.find((m) => m.role === 'system')?.content ?? '',
    user: prompt.messages
      .filter((m) => m.role === 'user')
      .map((m) => m.content)
      .join('\n\n'),
  };
}

/** The prompt as one text, for the version's provenance and its hash. */
export function promptText(prompt: PitchPrompt): string {
  return prompt.format === 'plain' ? prompt.text : prompt.messages.map((m) => `<${m.role}>\n${m.content}`).join('\n');
}
