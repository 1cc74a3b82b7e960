import fs from 'node:fs';
import { buildAuditedStore, tamperingSweep, TAMPERING_CASES, verifyStore } from '../robustness/audit-tampering';
import { fmt } from './stats';

/**
 * The audit-trail tampering sweep at bench size: the generator of test/robustness/audit-tampering.test.ts on a larger
 * store, every class many times with fresh random choices. BENCH_AUDIT_ROUNDS sets the rounds (default 20).
 */
export function benchAuditTampering(): string[] {
  const rounds = Number(process.env.BENCH_AUDIT_ROUNDS ?? 20);
  const store = buildAuditedStore(2026, { clients: 300, changes: 400 });
  try {
    const clean = verifyStore(store);
    const started = performance.now();
    const sweep = tamperingSweep(store, rounds, 4242);
    const ms = performance.now() - started;
    const missed = [...new Set(sweep.missed)];
    return [
      `audit trail of ${clean.entries} entries, untouched: ${clean.problems.length} problems reported`,
      `tampering: tried ${sweep.tried} / detected ${sweep.detected} / missed ${sweep.tried - sweep.detected} (${TAMPERING_CASES.length} classes x ${rounds} rounds, each on its own copy; ${fmt(ms)})`,
      ...missed.map((name) => `  missed: ${name}`),
    ];
  } finally {
    fs.rmSync(store.dir, { recursive: true, force: true });
  }
}
