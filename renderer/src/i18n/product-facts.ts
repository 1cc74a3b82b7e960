import type { Product } from '../../../app/domain';
import type { Formatters } from './format';
import type { Translate } from './translate';

/** "2.10% – 3.40%", a single rate when both ends agree, or a dash when the product quotes none. */
export function rateRange(
  product: Pick<Product, 'rateMin' | 'rateMax' | 'rateKind'>,
  fmt: Formatters,
  t: Translate,
): string {
  const { rateMin, rateMax } = product;
  if (product.rateKind === 'none' || (rateMin === null && rateMax === null)) return t('common.notSet');
  if (rateMin !== null && rateMax !== null && rateMin !== rateMax)
    return `${fmt.percent(rateMin)} – ${fmt.percent(rateMax)}`;
  return fmt.percent((rateMin ?? rateMax) as number);
}

/** Term in months, written in years when it is a whole number of years. */
export function termLabel(months: number | null, t: Translate, fmt: Formatters): string {
  if (months === null || months === 0) return t('products.openEnded');
  if (months % 12 === 0) return t('common.years', { n: fmt.number(months / 12) });
  return t('common.months', { n: months });
}
