import type { HandlerTable } from '../../app/contract/dispatch';
import type { DeviationPreviewView, DeviationView } from '../../app/contract/deviation-channels';
import type { Client, Product } from '../../app/domain';
import { previewDeviation } from '../../app/suitability';
import { getClient } from '../db/client-repository';
import {
  activeDeviation,
  DeviationExistsError,
  getDeviation,
  listDeviationsForClient,
  recordDeviation,
  withdrawDeviation,
  type SuitabilityDeviation,
} from '../db/deviation-repository';
import { listHoldingsForClient } from '../db/holding-repository';
import { getProduct, listProducts } from '../db/product-repository';
import { activeRuleSet } from '../db/rule-set-repository';
import type { BackendContext } from './backend-context';
import { DomainError } from '../../app/domain/domain-error';

type DeviationHandlers = Pick<
  HandlerTable,
  'deviations:preview' | 'deviations:record' | 'deviations:list' | 'deviations:withdraw'
>;

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
export function deviationHandlers(ctx: BackendContext): DeviationHandlers {
  const { db } = ctx;

  function pair(clientId: string, productId: string): { client: Client; product: Product } {
    const client = getClient(db, clientId);
    if (!client) throw new DomainError('not_found', `No client with id ${clientId}.`);
    const product = getProduct(db, productId);
    if (!product) throw new DomainError('not_found', `No product with id ${productId}.`);
    return { client, product };
  }

  function preview(client: Client, product: Product): DeviationPreviewView {
    const ruleSet = activeRuleSet(db);
    const p = previewDeviation(client, product, {
      holdings: listHoldingsForClient(db, client.id),
      today: ctx.today(),
      ruleSet,
      catalog: listProducts(db, { search: '', family: null }),
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
    const existing = activeDeviation(db, client.id, product.id);
    if (existing && out.allowed) {
      return {
        ...out,
        allowed: false,
        refusal: {
          code: 'already-recorded',
          message: {
            en: `Already recorded on ${existing.acknowledgedAt.slice(0, 10)}, acknowledged by ${existing.acknowledgedBy}`,
            zh: `已于 ${existing.acknowledgedAt.slice(0, 10)} 记录，由 ${existing.acknowledgedBy} 确认`,
          },
        },
      };
    }
    return out;
  }

  return {
    'deviations:preview': ({ clientId, productId }) => {
      const { client, product } = pair(clientId, productId);
      return preview(client, product);
    },
    'deviations:record': ({ clientId, productId, reason, acknowledgedBy }) => {
      const { client, product } = pair(clientId, productId);
      const p = preview(client, product);
      if (!p.allowed || p.refusal) {
        const message = p.refusal?.message ?? { en: 'not allowed', zh: '不允许' };
        throw new DomainError(
          p.refusal?.code === 'already-recorded' ? 'conflict' : 'validation',
          `No deviation can be recorded for ${product.id}: ${message.en}.`,
          [{ field: 'productId', message }],
        );
      }
      const at = ctx.nowIso();
      try {
        const stored = recordDeviation(
          db,
          {
            id: `DV-${ctx.randomId().slice(0, 16).toUpperCase()}`,
            clientId,
            productId,
            warning: p.warning,
            acknowledgedBy: acknowledgedBy ?? client.displayName,
            acknowledgedAt: at,
            reason,
            ruleSet: p.ruleSet,
            recordedBy: ctx.actor,
          },
          { at, actor: ctx.actor },
        );
        ctx.emit('data:changed', { entity: 'deviations', id: clientId });
        return view(stored, product);
      } catch (error) {
        if (error instanceof DeviationExistsError) throw new DomainError('conflict', error.message);
        throw error;
      }
    },
    'deviations:list': ({ clientId }) => {
      if (!getClient(db, clientId)) throw new DomainError('not_found', `No client with id ${clientId}.`);
      return listDeviationsForClient(db, clientId).map((d) => view(d, getProduct(db, d.productId)));
    },
    'deviations:withdraw': ({ id }) => {
      if (!getDeviation(db, id)) throw new DomainError('not_found', `No client-requested deviation with id ${id}.`);
      const withdrawn = withdrawDeviation(db, id, { at: ctx.nowIso(), actor: ctx.actor })!;
      ctx.emit('data:changed', { entity: 'deviations', id: withdrawn.clientId });
      return view(withdrawn, getProduct(db, withdrawn.productId));
    },
  };
}
