import type { Db } from './connection';
import { migration0010 } from './migrations/0010-clients-products-audit';
import { migration0020 } from './migrations/0020-market-meetings-interactions';
import { migration0030 } from './migrations/0030-advice-trail';
import { migration0040 } from './migrations/0040-governance';
import { migration0050 } from './migrations/0050-client-search-index';
import { migration0060 } from './migrations/0060-interaction-context';
import { migration0070 } from './migrations/0070-model-version-history';
import { migration0080 } from './migrations/0080-suitability-deviations';
import { migration0090 } from './migrations/0090-llm-embedding-cache';
import { migration0100 } from './migrations/0100-audit-keyed-chain';
import { migration0110 } from './migrations/0110-pitch-approvals';
import { migration0120 } from './migrations/0120-ranking-impressions';
import { migration0130 } from './migrations/0130-advice-records-frozen';
import { migration0150 } from './migrations/0150-presented-rankings-and-undo';
import { migration0160 } from './migrations/0160-users-and-reviews';
import { migration0170 } from './migrations/0170-meeting-agenda';
import { migration0180 } from './migrations/0180-meeting-preparation';
import { migration0190 } from './migrations/0190-pitch-draft-per-language';
import { migration0200 } from './migrations/0200-impression-policy';
import { migration0210 } from './migrations/0210-conversion-funnel';
import { migration0220 } from './migrations/0220-experiments';
import { migration0230 } from './migrations/0230-table-versions';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/** In order. Versions step by ten so a hotfix can slot in between two shipped migrations. */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110,
  migration0120,
  migration0130,
  migration0150,
  migration0160,
  migration0170,
  migration0180,
  migration0190,
  migration0200,
  migration0210,
  migration0220,
  migration0230,
];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** A newer Advisor Desk wrote this file; touching it could lose data the newer version relies on. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database is from a newer Advisor Desk (schema version ${found}; this version knows up to ${known}). Update the app to open it.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema forward to `target` (default: latest). Each migration and its version bump
 * commit together, so a crash leaves the file at the last completed step. Forward-only: there is no down.
 */
export function migrate(db: Db, options: { target?: number } = {}): { from: number; to: number } {
  const from = schemaVersion(db);
  if (from > LATEST_VERSION) throw new DatabaseTooNewError(from, LATEST_VERSION);
  const target = options.target ?? LATEST_VERSION;
  if (target < from) throw new Error(`Cannot migrate down from ${from} to ${target}: migrations are forward-only.`);
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: schemaVersion(db) };
}
