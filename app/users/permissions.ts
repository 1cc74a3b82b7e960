import type { Channel } from '../contract/channels';
import { DomainError } from '../domain/domain-error';
import type { DeskUser, UserRole } from '../domain/desk-users';

/** A rule of who may do what, with the sentence a refusal shows. */
interface Rule {
  roles: readonly UserRole[];
  refusal: string;
}

const ADVICE: Rule = {
  roles: ['advisor'],
  refusal: 'Changing clients, products, pitches and reactions is for advisors.',
};
const POLICY: Rule = {
  roles: ['administrator'],
  refusal: 'Only administrators manage users and institution policy (rule sets, review policy, the whole book).',
};
const MODEL: Rule = {
  roles: ['advisor', 'administrator'],
  refusal: 'Training and choosing the interest model is for advisors and administrators.',
};
const EXPORT: Rule = {
  roles: ['compliance', 'administrator'],
  refusal: 'Exporting the advice records of a period is for compliance officers and administrators.',
};
const MEETINGS: Rule = {
  roles: ['advisor', 'administrator'],
  refusal: 'Arranging meetings is for advisors and administrators.',
};
const PREPARE: Rule = {
  roles: ['advisor', 'administrator'],
  refusal: 'Preparing meetings (rankings, drafts and packs in a batch) is for advisors and administrators.',
};
const EXPERIMENTS: Rule = {
  roles: ['administrator'],
  refusal: 'Defining, starting and stopping experiments is for administrators (team leads); everyone can read results.',
};
const REVIEW: Rule = {
  roles: ['reviewer'],
  refusal: 'Reviewing pitches is for reviewers.',
};

/**
 * Every channel that changes records, with the roles allowed to call it. Channels not listed only read (or change
 * nothing that is advice: the loaded model, this desk's theme and language), and are open to anyone signed in or not.
 */
export const CHANNEL_RULES: Partial<Record<Channel, Rule>> = {
  'clients:create': ADVICE,
  'clients:update': ADVICE,
  'clients:submit-questionnaire': ADVICE,
  'deviations:record': ADVICE,
  'deviations:withdraw': ADVICE,
  'outcomes:record': ADVICE,
  'outcomes:undo': ADVICE,
  'records:present-ranking': ADVICE,
  'records:correct': ADVICE,
  'records:export-start': EXPORT,
  'records:export-cancel': EXPORT,
  'pitch:start': ADVICE,
  'pitch:stop': ADVICE,
  'pitch:save': ADVICE,
  'pitch:approve': ADVICE,
  'pitch:submit-review': ADVICE,
  'pitch:review': REVIEW,
  'rules:save': POLICY,
  'rules:activate': POLICY,
  'review:set-policy': POLICY,
  'exploration:set': POLICY,
  'users:create': POLICY,
  'users:update': POLICY,
  'data:reset-demo': POLICY,
  'data:wipe': POLICY,
  'model:retrain': MODEL,
  'model:retrain-cancel': MODEL,
  'model:activate': MODEL,
  'meetings:create': MEETINGS,
  'meetings:move': MEETINGS,
  'meetings:cancel': MEETINGS,
  'prepare:start': PREPARE,
  'prepare:pause': PREPARE,
  'prepare:resume': PREPARE,
  'prepare:cancel': PREPARE,
  'experiments:define': EXPERIMENTS,
  'experiments:start': EXPERIMENTS,
  'experiments:stop': EXPERIMENTS,
};

export const SIGN_IN_FIRST =
  'Sign in first: every change is recorded under the name of the person who made it, and nobody is signed in.';

/** The compliance officer's rule, named as such: they read and export advice, they do not make it. */
export const COMPLIANCE_REFUSAL = 'Compliance users can read and export advice but not change it.';

/** Throws a forbidden DomainError naming the rule unless `user` may call `channel`. */
export function assertAllowed(channel: Channel, user: DeskUser | null): void {
  const rule = CHANNEL_RULES[channel];
  if (!rule) return;
  if (!user) throw new DomainError('forbidden', SIGN_IN_FIRST);
  if (!user.active) throw new DomainError('forbidden', `${user.displayName} is deactivated and cannot make changes.`);
  if (rule.roles.some((r) => user.roles.includes(r))) return;
  if (user.roles.includes('compliance') && rule !== POLICY) throw new DomainError('forbidden', COMPLIANCE_REFUSAL);
  throw new DomainError('forbidden', rule.refusal);
}

export const isWritingChannel = (channel: Channel): boolean => CHANNEL_RULES[channel] !== undefined;
