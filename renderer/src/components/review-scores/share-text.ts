import type { Formatters } from '../../i18n/format';

/** A share of a count as a whole percentage ("35%"): review counts are small, decimals would claim too much. */
export function shareText(count: number, of: number, fmt: Formatters): string {
  return `${fmt.number(of === 0 ? 0 : (100 * count) / of)}%`;
}
