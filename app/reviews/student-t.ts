/** Two-sided 95% quantiles of Student's t (the 0.975 point) for 1–30 degrees of freedom, from the standard table. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

const Z975 = 1.959964;

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: the table up to 30, then the Cornish–Fisher
 * expansion about the normal quantile (within 0.001 of the exact value from 30 on).
 */
export function studentT975(df: number): number {
  if (!Number.isFinite(df) || df < 1) throw new RangeError(`Student t needs at least one degree of freedom, not ${df}`);
  const whole = Math.floor(df);
  if (whole <= T975.length) return T975[whole - 1]!;
  const z = Z975;
  return z + (z ** 3 + z) / (4 * whole) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * whole ** 2);
}
