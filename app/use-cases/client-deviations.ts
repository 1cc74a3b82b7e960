import type { DeviationPreviewView, DeviationView } from '../contract/deviation-channels';
import { DomainError } from '../domain/domain-error';
import { recordedText } from '../domain/localized-text';
import { message, renderMessage } from '../messages';
import type { Client, Product } from '../domain';
import type { Clock, EventSink, IdSource, Stores, SuitabilityDeviation } from '../ports';
import { previewDeviation } from '../suitability';

export interface DeviationDeps {
  stores: Pick<Stores, 'clients' | 'products' | 'ruleSets' | 'holdings' | 'deviations'>;
  clock: Clock;
  ids: IdSource;
  events: EventSink;
  actor: string;
}

function view(d: SuitabilityDeviation, product: Product | null): DeviationView {
  // The row's foreign key deletes it with its product, so a missing product is a broken database.
  if (!product) throw new Error(`Deviation ${d.id} refers to product ${d.productId}, which is not in the catalogue.`);
  return { ...d, productNameEn: product.nameEn, productNameZh: product.nameZh, riskGrade: product.riskGrade };
}

/**
 * Client-requested deviations from the risk-class rule. Whether one may be recorded is decided by the same
 * suitability rules the ranking runs (see previewDeviation), under the active rule set, so the dialog, the
 * record and the ranking can never disagree.
 */
export function createDeviationUseCases(deps: DeviationDeps) {
  const { stores } = deps;

  function pair(clientId: string, productId: string): { client: Client; product: Product } {
    const client = stores.clients.get(clientId);
    if (!client) throw new DomainError('not_found', `No client with id ${clientId}.`);
    const product = stores.products.get(productId);
    if (!product) throw new DomainError('not_found', `No product with id ${productId}.`);
    return { client, product };
  }

  function previewFor(client: Client, product: Product): DeviationPreviewView {
    const ruleSet = stores.ruleSets.active();
    const p = previewDeviation(client, product, {
      holdings: stores.holdings.forClient(client.id),
      today: deps.clock.today(),
      ruleSet,
      catalog: stores.products.list({ search: '', family: null }),
    });
    const out: DeviationPreviewView = {
      ...p,
      clientId: client.id,
      productId: product.id,
      productNameEn: product.nameEn,
      productNameZh: product.nameZh,
      otherFailures: p.otherFailures.map((c) => ({ ruleId: c.ruleId, passed: c.passed, reason: c.reason })),
      ruleSet: { id: ruleSet.id, version: ruleSet.version },
    };
    const existing = stores.deviations.active(client.id, product.id);
    if (existing && out.allowed) {
      return {
        ...out,
        allowed: false,
        refusal: {
          code: 'already-recorded',
          message: message('deviation.refusal.alreadyRecorded', {
            date: existing.acknowledgedAt.slice(0, 10),
            by: existing.acknowledgedBy,
          }),
        },
      };
    }
    return out;
  }

  return {
    preview(clientId: string, productId: string): DeviationPreviewView {
      const { client, product } = pair(clientId, productId);
      return previewFor(client, product);
    },
    record({
      clientId,
      productId,
      reason,
      acknowledgedBy,
    }: {
      clientId: string;
      productId: string;
      reason: string;
      acknowledgedBy?: string | undefined;
    }): DeviationView {
      const { client, product } = pair(clientId, productId);
      const p = previewFor(client, product);
      if (!p.allowed || p.refusal) {
        const why = p.refusal?.message ?? message('deviation.refusal.notAllowed');
        throw new DomainError(
          p.refusal?.code === 'already-recorded' ? 'conflict' : 'validation',
          `No deviation can be recorded for ${product.id}: ${renderMessage(why, 'en')}.`,
          [{ field: 'productId', message: why }],
        );
      }
      const at = deps.clock.nowIso();
      // The store refuses a second active deviation for the pair as a conflict.
      const stored = stores.deviations.record(
        {
          id: `DV-${deps.ids.randomId().slice(0, 16).toUpperCase()}`,
          clientId,
          productId,
          // The record keeps the warning word for word as the client was shown it, in both languages.
          warning: recordedText(p.warning),
          acknowledgedBy: acknowledgedBy ?? client.displayName,
          acknowledgedAt: at,
          reason,
          ruleSet: p.ruleSet,
          recordedBy: deps.actor,
        },
        { at, actor: deps.actor },
      );
      deps.events.emit('data:changed', { entity: 'deviations', id: clientId });
      return view(stored, product);
    },
    list(clientId: string): DeviationView[] {
      if (!stores.clients.get(clientId)) throw new DomainError('not_found', `No client with id ${clientId}.`);
      return stores.deviations.forClient(clientId).map((d) => view(d, stores.products.get(d.productId)));
    },
    withdraw(id: string): DeviationView {
      if (!stores.deviations.get(id))
        throw new DomainError('not_found', `No client-requested deviation with id ${id}.`);
      const withdrawn = stores.deviations.withdraw(id, { at: deps.clock.nowIso(), actor: deps.actor })!;
      deps.events.emit('data:changed', { entity: 'deviations', id: withdrawn.clientId });
      return view(withdrawn, stores.products.get(withdrawn.productId));
    },
  };
}
