import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import type { DeviationPreviewView, DeviationView } from '../../../app/contract/deviation-channels';
import type { ClientRanking, ExcludedProduct } from '../../../app/contract/engine-channels';
import type { ClientPage } from '../../../app/domain';
import { pitchFacts } from '../../../app/pitch';
import { DEFAULT_RULE_SET } from '../../../app/suitability';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { listAuditEntries } from '../../../main/db/audit-log';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { getClient } from '../../../main/db/client-repository';
import { openDatabase } from '../../../main/db/connection';
import { getProduct } from '../../../main/db/product-repository';
import { pairSuitability } from '../../../main/model/pair-suitability';
import { backendCalls } from './backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');

/** Excluded only because of the risk class, and a recorded deviation could lift it. */
const deviable = (e: ExcludedProduct) =>
  e.failed.length === 1 && e.failed[0]!.ruleId === 'risk-class' && e.failed[0]!.deviationPossible === true;

/**
 * Client-requested deviations through dispatch() on the demo book in a real database file: what the advisor is
 * told, what is refused and why, what the ranking then shows, and the audit trail each step leaves.
 */
describe('client-requested deviations', () => {
  let dir: string;
  let backend: Backend;
  const events: { event: string; payload: unknown }[] = [];
  const { call, value } = backendCalls(() => backend.handlers);
  const rank = (clientId: string) => value<ClientRanking>('recommendations:for-client', { clientId, top: 500 });
  // A C2 or C3 client with a product excluded by nothing but its risk grade, one grade above the limit.
  let clientId = '';
  let productId = '';
  let c1ClientId = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-deviation-'));
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    backend.subscribe((event, payload) => events.push({ event, payload }));
    const page = await value<ClientPage>('clients:list', { limit: 200 });
    c1ClientId = page.rows.find((c) => c.riskClass === 'C1')!.id;
    for (const c of page.rows.filter((x) => x.riskClass === 'C2' || x.riskClass === 'C3')) {
      const candidate = (await rank(c.id)).excluded.find(deviable);
      if (candidate) {
        clientId = c.id;
        productId = candidate.productId;
        break;
      }
    }
    expect(clientId, 'the demo book has a client with a product excluded only by its risk grade').not.toBe('');
  }, 120_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says on the excluded product that a deviation is possible, and previews the warning with class, limit and grade', async () => {
    const excluded = (await rank(clientId)).excluded.find((e) => e.productId === productId)!;
    expect(recordedText(excluded.failed[0]!.reason).en).toContain(
      'the client may still ask for it as a client-requested deviation',
    );
    expect(recordedText(excluded.failed[0]!.reason).zh).toContain('超风险等级购买');
    const preview = await value<DeviationPreviewView>('deviations:preview', { clientId, productId });
    expect(preview).toMatchObject({
      allowed: true,
      refusal: null,
      gradesAbove: 1,
      maxGradesAboveLimit: 1,
      otherFailures: [],
      ruleSet: { id: DEFAULT_RULE_SET.id },
    });
    expect(recordedText(preview.warning).en).toContain(
      `risk grade ${preview.grade}, 1 grade above ${preview.limit}, the highest grade suited to your risk class ${preview.riskClass}`,
    );
    expect(recordedText(preview.warning).zh).toContain(`风险等级为 ${preview.grade}`);
  });

  it('refuses a record without the acknowledgement or a reason, naming what is missing', async () => {
    const noAck = await call('deviations:record', { clientId, productId, acknowledged: false, reason: 'wants it' });
    expect(noAck).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(!noAck.ok && noAck.error.message).toContain('acknowledged');
    const noReason = await call('deviations:record', { clientId, productId, acknowledged: true, reason: '   ' });
    expect(!noReason.ok && noReason.error.message).toContain("the client's reason is required");
    expect(await value<DeviationView[]>('deviations:list', { clientId })).toEqual([]);
  });

  it('records it: the product moves from excluded to ranked with the deviation flag, and its verdict and pitch facts say so', async () => {
    events.length = 0;
    const recorded = await value<DeviationView>('deviations:record', {
      clientId,
      productId,
      acknowledged: true,
      reason: 'Wants more equity exposure',
    });
    expect(recorded).toMatchObject({
      clientId,
      productId,
      acknowledgedAt: NOW.toISOString(),
      reason: 'Wants more equity exposure',
      recordedBy: expect.any(String),
      withdrawnAt: null,
    });
    expect(recorded.warning.en).toContain('Risk warning');
    expect(events).toContainEqual({ event: 'data:changed', payload: { entity: 'deviations', id: clientId } });

    const ranking = await rank(clientId);
    expect(ranking.excluded.map((e) => e.productId)).not.toContain(productId);
    const ranked = ranking.ranked.find((r) => r.productId === productId)!;
    expect(ranked.deviation).toBe(true);
    expect(ranking.ranked.filter((r) => r.deviation).map((r) => r.productId)).toEqual([productId]);

    const db = openDatabase(backend.databasePath);
    try {
      const client = getClient(db, clientId)!;
      const product = getProduct(db, productId)!;
      const verdict = pairSuitability(db, client, product, '2026-11-28');
      expect(verdict).toMatchObject({ suitable: true, deviationApplied: true });
      expect(recordedText(verdict.checks.find((c) => c.ruleId === 'risk-class')!.reason).en).toContain(
        `allowed as a client-requested deviation: warning shown, acknowledged by ${client.displayName} on 2026-11-28`,
      );
      const facts = pitchFacts(client, product, null, verdict, { today: '2026-11-28' }).facts;
      expect(facts.find((f) => f.key === 'suitability.verdict')!.value.en).toBe('suitable for this client');
      expect(facts.find((f) => f.key === 'suitability.deviation')!.value.en).toContain(
        'present it as their request, not a recommendation',
      );
      expect(
        listAuditEntries(db, { entity: 'suitability_deviation', entityId: recorded.id }).map((e) => e.action),
      ).toEqual(['record']);
    } finally {
      db.close();
    }
  });

  it('refuses a second record for the same product while the first stands, and the preview says it is already recorded', async () => {
    const again = await call('deviations:record', { clientId, productId, acknowledged: true, reason: 'again' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await value<DeviationPreviewView>('deviations:preview', { clientId, productId })).refusal?.code).toBe(
      'already-recorded',
    );
  });

  it('withdraws it: the product is excluded again, the list keeps it as withdrawn, and the audit trail has both entries', async () => {
    const [active] = await value<DeviationView[]>('deviations:list', { clientId });
    const withdrawn = await value<DeviationView>('deviations:withdraw', { id: active!.id });
    expect(withdrawn.withdrawnAt).toBe(NOW.toISOString());
    const ranking = await rank(clientId);
    expect(ranking.ranked.map((r) => r.productId)).not.toContain(productId);
    expect(ranking.excluded.find((e) => e.productId === productId)?.failed[0]?.deviationPossible).toBe(true);
    expect((await value<DeviationView[]>('deviations:list', { clientId })).map((d) => d.withdrawnAt)).toEqual([
      NOW.toISOString(),
    ]);
    expect(await call('deviations:withdraw', { id: 'DV-NOPE' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const db = openDatabase(backend.databasePath);
    try {
      expect(
        listAuditEntries(db, { entity: 'suitability_deviation', entityId: active!.id }).map((e) => [
          e.action,
          (e.after as { withdrawnAt: string | null }).withdrawnAt,
        ]),
      ).toEqual([
        ['record', null],
        ['withdraw', NOW.toISOString()],
      ]);
      expect(verifyAuditChain(db).ok).toBe(true);
    } finally {
      db.close();
    }
  });

  it('refuses for a C1 client with the reason, and never marks a C1 exclusion as open to deviation', async () => {
    const ranking = await rank(c1ClientId);
    const riskExcluded = ranking.excluded.filter((e) => e.failed.some((f) => f.ruleId === 'risk-class'));
    expect(riskExcluded.length).toBeGreaterThan(0);
    expect(riskExcluded.flatMap((e) => e.failed).filter((f) => f.deviationPossible)).toEqual([]);
    const target = riskExcluded[0]!.productId;
    const preview = await value<DeviationPreviewView>('deviations:preview', {
      clientId: c1ClientId,
      productId: target,
    });
    expect(preview).toMatchObject({ allowed: false, riskClass: 'C1', refusal: { code: 'lowest-class' } });
    const refused = await call('deviations:record', {
      clientId: c1ClientId,
      productId: target,
      acknowledged: true,
      reason: 'insists',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ field: 'productId' }] } });
    expect(!refused.ok && refused.error.message).toContain('never allowed');
  });

  it('refuses beyond maxGradesAboveLimit, and refuses everything under a rule set that disables deviations', async () => {
    const ranking = await rank(clientId);
    const far = ranking.excluded.find(
      (e) => e.failed.length === 1 && e.failed[0]!.ruleId === 'risk-class' && !e.failed[0]!.deviationPossible,
    );
    expect(far, 'a product two or more grades above the limit').toBeDefined();
    const refusedFar = await call('deviations:record', {
      clientId,
      productId: far!.productId,
      acknowledged: true,
      reason: 'insists',
    });
    expect(refusedFar).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!refusedFar.ok && refusedFar.error.message).toContain('a deviation may go at most 1 grade above it');

    const strict = structuredClone(DEFAULT_RULE_SET);
    strict.rules.riskClass.deviation.enabled = false;
    await value('rules:save', { name: 'No deviations', ruleSet: strict });
    const preview = await value<DeviationPreviewView>('deviations:preview', { clientId, productId });
    expect(preview).toMatchObject({ allowed: false, refusal: { code: 'disabled' } });
    const refused = await call('deviations:record', { clientId, productId, acknowledged: true, reason: 'insists' });
    expect(!refused.ok && refused.error.message).toContain('allows no client-requested deviation');
    expect(
      (await rank(clientId)).excluded.find((e) => e.productId === productId)!.failed[0]!.deviationPossible,
    ).toBeUndefined();
  });

  it('answers not_found for an unknown client or product', async () => {
    expect(await call('deviations:preview', { clientId: 'CL-NOPE', productId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call('deviations:preview', { clientId, productId: 'NOPE' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call('deviations:list', { clientId: 'CL-NOPE' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
