/**
 * Pitch drafting's pure core. main/llm runs the model; everything it needs to decide is here:
 *
 * - pitchFacts(client, product, market, suitability, options): the facts a prompt may use, each keyed so
 *   the lint can trace a figure back to it; no name, contact data or birth date, bands instead of balances.
 * - buildPitchPrompt(facts, {language, tone, length, format}, budget?): chat messages or a plain text,
 *   fitted to the context by dropping optional facts in DROP_ORDER; PromptBudgetError when it cannot fit.
 * - pitchDraftJsonSchema(length) for the grammar, parseDraft(text) for the answer.
 * - lintDraft(draft, facts, {language, suitability?}) and canApprove(issues); withRequiredDisclosure repairs
 *   a missing disclosure before linting.
 * - templateDraft(facts, options): the draft without a model, labelled source 'template'.
 * - fitPromptPrefix / fitPromptSuffix and clientNeedsText / productDescriptionText for ranking signals.
 */
export * from './pitch-types';
export * from './formatting';
export * from './disclosure';
export * from './client-text';
export * from './number-extraction';
export * from './pitch-facts';
export * from './forbidden-claims';
export * from './draft-schema';
export * from './lint-draft';
export * from './template-draft';
export * from './pitch-prompt';
export * from './prompt-budget';
export * from './fit-prompt';
export * from './json-repair';
