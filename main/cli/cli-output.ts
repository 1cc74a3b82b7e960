import type { ChannelOutput } from '../../app/contract/channels';
import type { CliIo } from './cli-io';

const money = (n: number) => Math.round(n).toLocaleString('en-US');

/** Pads by display width: a CJK character takes two terminal columns. */
function pad(text: string, width: number): string {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return text + ' '.repeat(Math.max(1, width - w));
}

function table(io: CliIo, header: string[], widths: number[], rows: string[][]): void {
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 12)))
      .join('')
      .trimEnd();
  io.stdout(`${line(header)}\n`);
  for (const row of rows) io.stdout(`${line(row)}\n`);
}

const asJson = (io: CliIo, value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);

export function printSummary(io: CliIo, s: ChannelOutput<'data:summary'>, dbPath: string, json: boolean): void {
  if (json) return asJson(io, { database: dbPath, ...s });
  io.stdout(
    `Seeded ${dbPath}: ${s.clients} clients, ${s.products} products, ${s.interactions} interactions, ${s.meetings} meetings, ${s.marketSnapshots} market days.\n`,
  );
}

export function printClientPage(io: CliIo, page: ChannelOutput<'clients:list'>, json: boolean): void {
  if (json) return asJson(io, page);
  table(
    io,
    ['ID', 'KIND', 'NAME', 'CITY', 'CLASS', 'INVESTABLE', 'KYC'],
    [10, 11, 44, 12, 6, 14],
    page.rows.map((r) => [
      r.id,
      r.kind,
      r.displayName,
      r.city ?? '',
      r.riskClass ?? '-',
      money(r.investableAssets),
      r.kycReviewedAt ?? '-',
    ]),
  );
  io.stdout(`${page.rows.length} of ${page.total} clients\n`);
}

export function printClient(io: CliIo, detail: ChannelOutput<'clients:get'>, json: boolean): void {
  if (json) return asJson(io, detail);
  const c = detail.client;
  const lines: [string, string | number | null][] = [
    ['ID', c.id],
    ['Name', c.displayName],
    ['Kind', c.kind],
    ['City', c.city],
    ['Risk class', c.riskClass ?? 'not assessed'],
    ['Investable assets', money(c.investableAssets)],
    ['Objectives', c.objectives.join(', ')],
    ['Horizon (years)', c.horizonYears],
    ['Liquidity need', c.liquidityNeed],
    ['KYC reviewed', c.kycReviewedAt ?? 'never'],
    ['Revision', c.revision],
    ['Holdings', detail.holdings.length],
    ['Interactions', detail.interactions.length],
    ['Meetings', detail.meetings.length],
  ];
  for (const [label, value] of lines) io.stdout(`${pad(`${label}:`, 20)}${value ?? '-'}\n`);
}

export function printProducts(io: CliIo, products: ChannelOutput<'products:list'>, json: boolean): void {
  if (json) return asJson(io, products);
  const rate = (p: (typeof products)[number]) =>
    p.rateMin === null ? '-' : p.rateMin === p.rateMax ? `${p.rateMin}%` : `${p.rateMin}–${p.rateMax}%`;
  table(
    io,
    ['ID', 'FAMILY', 'CATEGORY', 'GRADE', 'RATE', 'NAME'],
    [11, 17, 22, 6, 14],
    products.map((p) => [p.id, p.family, p.category, p.riskGrade, rate(p), p.nameEn]),
  );
  io.stdout(`${products.length} products\n`);
}
