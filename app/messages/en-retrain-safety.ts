/** English text of a retrain weighed against the live version on the same held-out outcomes. */
export const enRetrainSafety = {
  'retrainSafety.kept':
    'New version {candidate} AUC vs live {live} on the same {rows, plural, one {# held-out outcome} other {# held-out outcomes}} — kept the live version (version {liveVersion}).',
  'retrainSafety.madeLive':
    'New version {candidate} AUC vs live {live} on the same {rows, plural, one {# held-out outcome} other {# held-out outcomes}} — the new version is live.',
  'retrainSafety.logLoss': 'Log loss: new version {candidate}, live {live} (lower is better).',
  'retrainSafety.notCompared.too-few-new-outcomes':
    'Not compared with the live version: only {rows, plural, one {# held-out outcome is} other {# held-out outcomes are}} newer than its training (at least {min} are needed); the new version is live, as before.',
  'retrainSafety.notCompared.one-kind-of-outcome':
    'Not compared with the live version: the {rows, plural, one {# held-out outcome} other {# held-out outcomes}} newer than its training are all of one kind; the new version is live, as before.',
  'retrainSafety.notCompared.unreadable-live-version':
    'Not compared with the live version: its stored parameters could not be read; the new version is live, as before.',
  'retrainSafety.keptChip': 'Not made live: worse than v{version}',
  'retrainSafety.makeLive': 'Make this version live',
  'retrainSafety.confirmTitle': 'Make version {version} live?',
  'retrainSafety.confirmBody':
    'Version {version} scored worse than the live version {liveVersion} on the same held-out outcomes ({candidate} AUC against {live}). Rankings will use version {version} from now on; the change is recorded in the audit log.',
  'retrainSafety.confirm': 'Make it live',
  'retrainSafety.notLive': 'Version {version} is stored but not live: it predicted worse than the live version.',
  'retrainSafety.cliForced': 'Made version {version} live anyway (--force-live).',
  'retrainSafety.cliHint':
    'Run again with --force-live to make a worse version live, or make it live on the Model page.',
} satisfies Record<string, string>;

export type RetrainSafetyMessageKey = keyof typeof enRetrainSafety;
