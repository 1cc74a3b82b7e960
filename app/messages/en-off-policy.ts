/** English text of off-policy estimates (the Policy estimates page and `analytics offpolicy`) and of exploration. */
export const enOffPolicy = {
  'nav.policyEstimates': 'Policy estimates',
  'offPolicy.title': 'Policy estimates',
  'offPolicy.intro':
    'What each candidate ranking policy would have converted, estimated from the rankings actually shown and the probability with which each product was shown, before any client sees it. Rankings explore their last place with a small probability so that such estimates are possible; a policy the log gave too little chance is not estimated, and the reason is given.',
  'offPolicy.outcome': 'Counts as converted',
  'offPolicy.outcome.accepted': 'Accepted',
  'offPolicy.outcome.interested': 'Interested or accepted',
  'offPolicy.from': 'Shown from',
  'offPolicy.to': 'Shown before',
  'offPolicy.summary':
    '{rankings, plural, one {# ranking} other {# rankings}} shown in the period, {without, plural, =0 {all with their propensities} one {# kept before propensities were recorded (left out)} other {# kept before propensities were recorded (left out)}}.',
  'offPolicy.chartTitle': 'Estimated conversion per product shown, with 95% bootstrap intervals',
  'offPolicy.col.policy': 'Policy',
  'offPolicy.col.estimator': 'Estimator',
  'offPolicy.col.value': 'Estimate',
  'offPolicy.col.interval': '95% interval',
  'offPolicy.col.ess': 'Effective sample size',
  'offPolicy.estimator.ips': 'Inverse propensity (IPS)',
  'offPolicy.estimator.snips': 'Self-normalised IPS',
  'offPolicy.estimator.dr': 'Doubly robust',
  'offPolicy.ess': '{n, number} rankings',
  'offPolicy.refused': 'Not estimated',
  'offPolicy.refusal.no-log':
    'No estimate: no ranking shown in this period recorded the probabilities its products were shown with.',
  'offPolicy.refusal.never-logged':
    'No estimate: the rankings shown never included any product this policy would have shown.',
  'offPolicy.refusal.unsupported':
    'No estimate: {share} of the products this policy would show could never have been shown by the logged rankings (at most {allowed} may be), for example {examples}.',
  'offPolicy.refusal.low-propensity':
    'No estimate: product {action} was shown with a probability of only {p} (at least {allowed} is needed); its weight would swamp the estimate.',
  'offPolicy.refusal.low-ess':
    'No estimate: for this policy the logged rankings are worth only {ess, number} rankings (at least {required, number} are needed). Let rankings explore longer, or at a higher rate.',
  'offPolicy.refusal.not-replayable':
    "No estimate: this policy uses the language model's signals, which were not kept for past rankings.",
  'offPolicy.refusal.unknown-policy': 'No policy is called {policy}. Known policies: {known}.',
  'offPolicy.cli.header': 'Off-policy estimates ({outcome})',
  'exploration.title': 'Exploration',
  'exploration.label': 'Exploration rate',
  'exploration.hint':
    "With this probability a ranking shows in its last place a suitable product from below the top instead of the policy's own choice, so that other policies can be estimated from the log. Only suitable products are ever shown. 0 turns exploration off; at most 0.5. Default 0.05.",
  'exploration.save': 'Save',
  'exploration.saved': 'Exploration rate saved.',
  'exploration.invalid': 'Enter a rate between 0 and 0.5.',
} satisfies Record<string, string>;

export type OffPolicyMessageKey = keyof typeof enOffPolicy;
