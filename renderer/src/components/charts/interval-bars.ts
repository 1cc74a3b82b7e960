/** An interval to draw; null where there is none (nothing is drawn for it). */
export type Bounds = { low: number; high: number } | null;

/**
 * A confidence interval per category as a floating bar, for MUI X Charts, which has no interval series: an invisible
 * bar from zero to the low end with the interval's width stacked on it. Stacked without offset, so a low end below
 * zero (a difference between arms) places the bar where it belongs. The tooltip reads "low – high".
 */
export function intervalBars(
  bounds: readonly Bounds[],
  options: { stack: string; color: string; label: string; format: (value: number) => string },
) {
  const { stack, color, label, format } = options;
  return [
    {
      type: 'bar' as const,
      data: bounds.map((b) => b?.low ?? 0),
      stack,
      stackOffset: 'none' as const,
      color: 'transparent',
      valueFormatter: () => null,
    },
    {
      type: 'bar' as const,
      data: bounds.map((b) => (b ? b.high - b.low : 0)),
      stack,
      stackOffset: 'none' as const,
      color,
      label,
      valueFormatter: (_v: number | null, { dataIndex }: { dataIndex: number }) => {
        const b = bounds[dataIndex];
        return b ? `${format(b.low)} – ${format(b.high)}` : null;
      },
    },
  ];
}
