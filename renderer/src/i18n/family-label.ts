import { PRODUCT_FAMILIES, type ProductFamily } from '../../../app/domain';
import type { Translate } from './translate';

/** Holdings carry the family as a plain string; an unknown one is shown as stored rather than hidden. */
export function familyLabel(t: Translate, family: string): string {
  return (PRODUCT_FAMILIES as readonly string[]).includes(family) ? t(`family.${family as ProductFamily}`) : family;
}
