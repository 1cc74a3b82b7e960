/** English text of the interest model's settings choice: what each candidate is, and why one was chosen. */
export const enModelSelection = {
  'selection.about.default': 'factorization machine, quantile bins, early stopping',
  'selection.about.no-bins': 'factorization machine, numbers as standardised values only',
  'selection.about.slow-shrunk': 'factorization machine, step size 0.02 and L2 ten times stronger',
  'selection.about.five-epochs': 'factorization machine, five full epochs without early stopping',
  'selection.about.identities':
    'factorization machine, client and product ids seen at least 3 times as factors; any other id adds nothing',
  'selection.about.boosted':
    'factorization machine with 200 gradient-boosted trees on its residual (depth 4, step 0.1; client and product ids left to the machine)',
  'selection.about.linear': 'logistic regression (the factors switched off), quantile bins',
  'selection.tooFew':
    'too few recent outcomes to choose ({judged} in the latest {share} of the training outcomes, {positives} positive; at least {minRows} with {minClass} of each kind are needed), so the default settings',
  'selection.defaultHeld':
    'no other setting beat the default by more than {tie} AUC on the latest {judged} training outcomes (best other: {runnerUp}, {runnerUpAuc})',
  'selection.beatDefault':
    'highest AUC on the latest {judged} training outcomes: {auc}, against {defaultAuc} for the default settings',
  'selection.defaultHeldWithGain':
    'no other setting beat the default by more than {tie} AUC on the latest {judged} training outcomes (best other: {runnerUp}, {runnerUpAuc}; against the default {gain}, the second figure being the standard error of the difference)',
  'selection.beatDefaultWithGain':
    'highest AUC on the latest {judged} training outcomes: {auc}, against {defaultAuc} for the default settings ({gain}, the second figure being the standard error of the difference)',
  'model.summary.settings': 'Settings chosen',
  'model.summary.settingsWhy': 'Why',
  'model.summary.settingsValue': '{name}: {about}',
} satisfies Record<string, string>;
export type ModelSelectionMessageKey = keyof typeof enModelSelection;
