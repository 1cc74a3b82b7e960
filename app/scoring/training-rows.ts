import { isPositiveOutcome, type Interaction, type MarketSnapshot, type Product } from '../domain';
import { rawFeatures } from './raw-features';
import { marketAt, type RawFeatures, type ScoredClient, type ScoringContext } from './scoring-context';

/** One recorded outcome joined to the client, product and market as they were when it happened. */
export interface LabelledRow {
  interaction: Interaction;
  context: ScoringContext;
  raw: RawFeatures;
  label: 0 | 1;
}

export interface BookOfBusiness {
  clients: readonly ScoredClient[];
  products: readonly Product[];
  marketSnapshots: readonly MarketSnapshot[];
}

/**
 * Interactions with an outcome become labelled rows; pending ones (no outcome yet) and ones whose client or
 * product is unknown are left out rather than guessed. Client facts are today's: the store keeps no history of
 * profile edits, which is a known leak for fields that changed after the interaction.
 */
/** Language-model signals for a client and product (`similarity`, `fit`), when an evaluation has them. */
export type PairSignals = (clientId: string, productId: string) => Readonly<Record<string, number | null>> | undefined;

export function labelledRows(
  interactions: readonly Interaction[],
  book: BookOfBusiness,
  options: { signals?: PairSignals } = {},
): LabelledRow[] {
  const clients = new Map(book.clients.map((c) => [c.id, c]));
  const products = new Map(book.products.map((p) => [p.id, p]));
  const snapshots = [...book.marketSnapshots].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const rows: LabelledRow[] = [];
  for (const interaction of interactions) {
    if (interaction.outcome === null) continue;
    const client = clients.get(interaction.clientId);
    const product = products.get(interaction.productId);
    if (!client || !product) continue;
    const signals = options.signals?.(client.id, product.id);
    const context: ScoringContext = {
      client,
      product,
      market: marketAt(snapshots, interaction.occurredAt),
      at: interaction.occurredAt,
      channel: interaction.channel,
      contextAttributes: interaction.context ?? {},
      ...(signals ? { signals } : {}),
    };
    rows.push({
      interaction,
      context,
      raw: rawFeatures(context),
      label: isPositiveOutcome(interaction.outcome) ? 1 : 0,
    });
  }
  return rows;
}
