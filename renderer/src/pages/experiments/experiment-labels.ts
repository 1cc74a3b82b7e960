import type { ExperimentResultsView } from '../../../../app/contract/experiment-channels';
import type { ExperimentArm } from '../../../../app/experiments/experiment';
import type { Translate } from '../../i18n/translate';

/** What an arm does, in words: its ranking policy or its pitch variant. */
export function armDefinition(arm: ExperimentArm, t: Translate): string {
  const policy = arm.policy;
  if (policy) {
    switch (policy.kind) {
      case 'rules-only':
      case 'popularity':
        return t(`experiments.policy.${policy.kind}`);
      case 'live-model':
        return t(policy.languageModel === 'use' ? 'experiments.policy.live-model-lm' : 'experiments.policy.live-model');
      case 'model-version':
        return t(
          policy.languageModel === 'use' ? 'experiments.policy.model-version-lm' : 'experiments.policy.model-version',
          { version: policy.version },
        );
    }
  }
  const pitch = arm.pitch!;
  return t('experiments.pitch.variant', {
    tone: t(`pitch.tone.${pitch.tone}`),
    length: t(`pitch.length.${pitch.length}`),
    source: t(`experiments.pitch.source.${pitch.source}`),
  });
}

/** The verdict in plain words. */
export function verdictText(verdict: ExperimentResultsView['report']['verdict'], t: Translate): string {
  switch (verdict.kind) {
    case 'no-data':
      return t('experiments.verdict.no-data');
    case 'no-difference-planned':
      return t('experiments.verdict.no-difference-planned');
    case 'not-yet':
      return t('experiments.verdict.not-yet', { clients: verdict.clients, needed: verdict.needed });
    case 'claim-early':
    case 'claim-planned':
      return t(`experiments.verdict.${verdict.kind}.${verdict.direction}`, {
        arm: verdict.arm,
        control: verdict.control,
      });
  }
}

/** A rate (0..1) as a percent with two decimals in the reader's language. */
export const percentOf = (fmt: { percent(value: number): string }, rate: number) => fmt.percent(rate * 100);
