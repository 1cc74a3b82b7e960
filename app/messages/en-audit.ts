/** What a check of the audit trail found. `{seqs}` is one entry number or a range such as 5–9. */
export const enAudit = {
  'audit.entriesMissing':
    '{count, plural, one {Audit entry {seqs} is} other {Audit entries {seqs} are}} missing from the middle of the trail.',
  'audit.entriesRemoved':
    '{count, plural, one {Audit entry {seqs} was} other {Audit entries {seqs} were}} removed, or the database was put back to an older copy.',
  'audit.entriesUnlinked':
    '{count, plural, one {Audit entry {seqs} does} other {Audit entries {seqs} do}} not follow on from the entry before.',
  'audit.entriesAltered':
    '{count, plural, one {Audit entry {seqs} does} other {Audit entries {seqs} do}} not match {count, plural, one {its seal} other {their seals}}: changed or written outside the app.',
  'audit.headReplaced':
    'The trail up to entry {seqs} differs from the one recorded outside the database: history was rewritten or the database was replaced.',
  'audit.anchorMissing':
    'The audit anchor {file} is missing: removed entries or an older copy of the database could go unnoticed.',
  'audit.anchorAltered': 'The audit anchor {file} was changed or does not belong to this database.',
  'audit.keyMissing':
    'The audit key {file} is missing, so the seals of the trail and of the records cannot be checked.',
  'audit.keyLost':
    'The audit key {file} is missing, so this change cannot be sealed in the audit trail; nothing was saved. Put the key file back from the backup that holds this database.',
  'audit.rowUnaudited': '{entity} {id} was changed without an audit entry.',
  'audit.rowRemoved': '{entity} {id} was removed without an audit entry.',
  'audit.moreProblems': '…and {count} more.',
  'audit.entity.client': 'Client',
  'audit.entity.product': 'Product',
  'audit.entity.deviation': 'Client-requested deviation',
  'audit.entity.pitchDraft': 'Pitch draft',
} satisfies Record<string, string>;

export type AuditMessageKey = keyof typeof enAudit;
