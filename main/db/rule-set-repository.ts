import type { RuleSetVersion } from '../../app/ports/records';
import { DEFAULT_RULE_SET, parseRuleSet, type SuitabilityRuleSet } from '../../app/suitability';
import { appendAudit } from './audit-log';
import type { Db } from './connection';
import { keptFromRow } from './row-identity';
import { cached } from './statement-cache';

/** One stored version of an institution's suitability rules, as listed for the administrator. */
export type { RuleSetVersion };

interface RuleSetRow {
  id: string;
  version: number;
  name: string;
  rules_json: string;
  active: number;
  created_at: string;
  created_by: string;
}

/** A stored rule set that no longer parses is a broken database, not a reason to fall back silently. */
export class StoredRuleSetInvalidError extends Error {
  constructor(version: number, message: string) {
    super(`Stored suitability rule set version ${version} is invalid: ${message}`);
    this.name = 'StoredRuleSetInvalidError';
  }
}

/** Thrown when a rule set offered for saving fails validation; `issues` name each bad field. */
export class RuleSetRefusedError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(message);
    this.name = 'RuleSetRefusedError';
  }
}

function fromRow(row: RuleSetRow): RuleSetVersion {
  let json: unknown;
  try {
    json = JSON.parse(row.rules_json);
  } catch {
    throw new StoredRuleSetInvalidError(row.version, 'its JSON does not parse');
  }
  const parsed = parseRuleSet(json);
  if (!parsed.ok) throw new StoredRuleSetInvalidError(row.version, parsed.message);
  return {
    version: row.version,
    name: row.name,
    active: row.active === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
    ruleSet: parsed.ruleSet,
  };
}

/**
 * The rule set every suitability check runs under: the active stored version, or the shipped default while
 * the institution has stored none. Versions are numbered by the store, so `ruleSet.version` is the row's.
 */
export function activeRuleSet(db: Db): SuitabilityRuleSet {
  const row = cached(db, 'SELECT * FROM suitability_rule_sets WHERE active = 1 ORDER BY version DESC LIMIT 1').get() as
    RuleSetRow | undefined;
  return row ? keptFromRow(db, 'rule set', String(row.version), row, (r) => fromRow(r).ruleSet) : DEFAULT_RULE_SET;
}

export function listRuleSetVersions(db: Db): RuleSetVersion[] {
  return (cached(db, 'SELECT * FROM suitability_rule_sets ORDER BY version DESC').all() as RuleSetRow[]).map(fromRow);
}

/** The default counts as version 1 when nothing is stored, so the first saved edit becomes version 2. */
function nextVersion(db: Db): number {
  const row = cached(db, 'SELECT MAX(version) AS v FROM suitability_rule_sets').get() as { v: number | null };
  return Math.max(row.v ?? 0, DEFAULT_RULE_SET.version) + 1;
}

function markActive(db: Db, version: number): void {
  cached(db, 'UPDATE suitability_rule_sets SET active = CASE WHEN version = ? THEN 1 ELSE 0 END').run(version);
}

/**
 * Stores an edited rule set as a new version (never overwriting an old one: advice records point at the
 * version they were given under) and, unless told otherwise, makes it the active one.
 * The shipped default is stored first as version 1, so it can be rolled back to like any other.
 */
export function saveRuleSet(
  db: Db,
  input: unknown,
  options: { name: string; at: string; actor: string; activate?: boolean },
): RuleSetVersion {
  const parsed = parseRuleSet(input);
  if (!parsed.ok) throw new RuleSetRefusedError(parsed.message, parsed.issues);
  return db
    .transaction((): RuleSetVersion => {
      const empty = (cached(db, 'SELECT COUNT(*) AS n FROM suitability_rule_sets').get() as { n: number }).n === 0;
      if (empty) insertVersion(db, DEFAULT_RULE_SET, 'Shipped default', options.at, 'system', true);
      const version = nextVersion(db);
      const ruleSet: SuitabilityRuleSet = { ...parsed.ruleSet, version };
      insertVersion(db, ruleSet, options.name, options.at, options.actor, false);
      if (options.activate ?? true) markActive(db, version);
      appendAudit(db, {
        at: options.at,
        actor: options.actor,
        entity: 'suitability_rule_set',
        entityId: String(version),
        action: 'create',
        before: null,
        after: ruleSet,
      });
      return getRuleSetVersion(db, version)!;
    })
    .immediate();
}

function insertVersion(
  db: Db,
  ruleSet: SuitabilityRuleSet,
  name: string,
  at: string,
  actor: string,
  active: boolean,
): void {
  cached(
    db,
    'INSERT INTO suitability_rule_sets (id, version, name, rules_json, active, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(`${ruleSet.id}@${ruleSet.version}`, ruleSet.version, name, JSON.stringify(ruleSet), active ? 1 : 0, at, actor);
}

export function getRuleSetVersion(db: Db, version: number): RuleSetVersion | null {
  const row = cached(db, 'SELECT * FROM suitability_rule_sets WHERE version = ?').get(version) as
    RuleSetRow | undefined;
  return row ? fromRow(row) : null;
}

/** Makes a stored version the one checks run under (a rollback is the same move); returns null if there is none. */
export function activateRuleSet(
  db: Db,
  version: number,
  options: { at: string; actor: string },
): RuleSetVersion | null {
  return db
    .transaction((): RuleSetVersion | null => {
      const target = getRuleSetVersion(db, version);
      if (!target) return null;
      const before = activeRuleSet(db).version;
      markActive(db, version);
      appendAudit(db, {
        at: options.at,
        actor: options.actor,
        entity: 'suitability_rule_set',
        entityId: String(version),
        action: 'activate',
        before: { activeVersion: before },
        after: { activeVersion: version },
      });
      return { ...target, active: true };
    })
    .immediate();
}
