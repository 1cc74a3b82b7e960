/** English text of a pitch draft's run: the version labels kept with each version and why a run ended without one. */
export const enPitchJob = {
  'pitchJob.templateLabel': 'Template draft: written from the product facts without a language model',
  'pitchJob.fallbackLabel':
    'Template draft: {file} failed while drafting ({why}), so this draft was written without it',
  'pitchJob.editLabel': 'Edited by the advisor',
  'pitchJob.modelLabel': 'Drafted by the local model {file}: read every sentence before you use it',
  'pitchJob.partialLabel': '{label} ({why}: check the end of each part)',
  'pitchJob.stoppedEarly': 'stopped before it finished',
  'pitchJob.cutOff': 'cut off at {tokens} tokens',
  'pitchJob.outOfTokens':
    'The model used all {tokens} answer tokens before the pitch was complete ({why}). Choose a shorter length, load the model with a larger context, or use the template draft.',
  'pitchJob.unusable': "The model's answer is not a usable pitch ({why}). Draft again, or use the template draft.",
  'pitchJob.failed': 'Drafting failed: {detail}. The app is still running; try again.',
  'pitchJob.contextTooSmall':
    "The model's context of {context} tokens is too small for this pitch: the essential facts need {essential} tokens and the answer {answer}, {needed} in all. Load the model with a context of at least {needed} tokens, or choose a model with a longer context.",
} satisfies Record<string, string>;

export type PitchJobMessageKey = keyof typeof enPitchJob;
