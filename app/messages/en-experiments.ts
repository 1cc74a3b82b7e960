/** A/B tests between ranking policies and pitch variants: the Experiments page and the rules-only arm's reason. */
export const enExperiments = {
  'experiments.reason.rulesOnly': 'Rules-only arm of an experiment: every suitable product counts the same',
  'audit.entity.experiment': 'Experiment',
};
