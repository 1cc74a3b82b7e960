import type { PolicyRefusalView } from '../contract/off-policy-channels';
import { message, type Message } from '../messages';

/** A share as a percentage with up to one decimal ("12.5%"), the same in both languages. */
function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** A small probability in plain digits (0.0025), enough of them to tell it from the threshold. */
function probability(p: number): string {
  return p >= 0.01 ? p.toFixed(2) : p.toPrecision(2);
}

/** Why a candidate policy was not estimated, in words for the page and the CLI. */
export function refusalMessage(refusal: PolicyRefusalView, policy: string): Message {
  switch (refusal.reason) {
    case 'unsupported':
      return message('offPolicy.refusal.unsupported', {
        share: percent(refusal.share),
        allowed: percent(refusal.allowed),
        examples: { items: refusal.examples, join: 'comma' },
      });
    case 'low-propensity':
      return message('offPolicy.refusal.low-propensity', {
        action: refusal.action,
        p: probability(refusal.minPropensity),
        allowed: probability(refusal.allowed),
      });
    case 'low-ess':
      return message('offPolicy.refusal.low-ess', {
        ess: Math.round(refusal.effectiveSampleSize * 10) / 10,
        required: refusal.required,
      });
    case 'unknown-policy':
      return message('offPolicy.refusal.unknown-policy', { policy, known: { items: refusal.known, join: 'comma' } });
    default:
      return message(`offPolicy.refusal.${refusal.reason}`);
  }
}
