import type { MeetingPackData } from '../../app/use-cases/meeting-pack';
import { translate } from '../../app/messages';
import { PdfReport, type TableColumn } from './pdf-document';
import type { FontBook } from './pdf-fonts';

/** Small type: the pack has to fit one or two A4 pages, and is read at a desk, not from across the room. */
const SMALL = 9;
const PAIRS: TableColumn[] = [
  { header: '', width: 0.2 },
  { header: '', width: 0.3 },
  { header: '', width: 0.2 },
  { header: '', width: 0.3 },
];
const WIDE: TableColumn[] = [
  { header: '', width: 0.2 },
  { header: '', width: 0.8 },
];

/** Roughly how many Latin letters wide a text is: a Chinese character takes two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

/** Label/value pairs two to a row; a value too long for half a row gets a row of its own. */
function pairRows(rows: readonly (readonly [string, string])[]): { pairs: string[][]; wide: string[][] } {
  const pairs: string[][] = [];
  const wide: string[][] = [];
  let open: string[] | null = null;
  for (const [label, value] of rows) {
    if (textWidth(value) > 70) {
      wide.push([label, value]);
      continue;
    }
    if (open) {
      open.push(label, value);
      pairs.push(open);
      open = null;
    } else open = [label, value];
  }
  if (open) pairs.push([...open, '', '']);
  return { pairs, wide };
}

function fieldBlock(doc: PdfReport, rows: readonly (readonly [string, string])[]): void {
  const { pairs, wide } = pairRows(rows);
  if (pairs.length > 0) doc.table(PAIRS, pairs, { header: false, labelColumns: [0, 2], size: SMALL });
  if (wide.length > 0) {
    doc.gap(-8);
    doc.table(WIDE, wide, { header: false, labelColumn: true, size: SMALL });
  }
}

/**
 * The meeting pack as a PDF in the pack's language: profile and KYC, holdings, market, the products to discuss with
 * their pitch text and review status, exclusions grouped by rule, and the questions to ask. The same data gives the
 * same bytes (the document's dates are the time it was prepared for).
 */
export async function meetingPackPdf(data: MeetingPackData, fonts?: FontBook): Promise<Buffer> {
  await Promise.resolve();
  return meetingPackPdfSync(data, fonts);
}

export function meetingPackPdfSync(data: MeetingPackData, fonts?: FontBook): Buffer {
  const doc = new PdfReport(
    {
      title: data.title,
      language: data.language,
      at: new Date(data.preparedAt),
      author: data.clientId,
      footer: data.footer,
      pageLabel: (page, pages) => translate(data.language, 'pdf.page', { page, pages }),
    },
    fonts,
  );
  doc.title(data.title, data.subtitle);

  doc.heading(data.headings.profile);
  fieldBlock(doc, data.profile.rows);

  doc.heading(data.headings.holdings);
  if (data.holdings.empty) doc.paragraph(data.holdings.empty, { size: SMALL, muted: true });
  else {
    doc.table(
      data.holdings.columns.map((header, i) => ({ header, width: [0.38, 0.16, 0.18, 0.14, 0.14][i]! })),
      data.holdings.rows,
      { size: SMALL },
    );
    if (data.holdings.total) {
      doc.gap(-4);
      doc.paragraph(data.holdings.total, { size: SMALL, weight: 700 });
    }
  }

  doc.heading(data.headings.market);
  if (data.market.empty) doc.paragraph(data.market.empty, { size: SMALL, muted: true });
  else {
    if (data.market.asOf) doc.paragraph(data.market.asOf, { size: SMALL, muted: true });
    fieldBlock(doc, data.market.rows);
  }

  doc.heading(data.headings.products);
  if (data.products.empty) doc.paragraph(data.products.empty, { size: SMALL });
  for (const p of data.products.items) {
    doc.label(p.heading);
    doc.paragraph([p.reasons, p.minimum].filter(Boolean).join(' · '), { size: SMALL, muted: true });
    if (p.deviation) doc.paragraph(p.deviation, { size: SMALL, weight: 700 });
    if (p.pitch) {
      doc.paragraph(p.pitch.statusText, { size: SMALL, weight: 700 });
      const c = p.pitch.content;
      if (c.headline.trim()) doc.paragraph(c.headline, { size: SMALL, weight: 700 });
      // The body and the next step read as one paragraph, the key points as one line of points: three pitches
      // must leave room on two pages for the exclusions and the questions.
      const body = [c.body.trim(), c.nextStep.trim()].filter(Boolean).join(data.language === 'zh-CN' ? '' : ' ');
      if (body) doc.paragraph(body, { size: SMALL });
      const points = c.keyPoints.map((k) => k.trim()).filter(Boolean);
      if (points.length > 0) doc.paragraph(`• ${points.join('  • ')}`, { size: SMALL });
    } else if (p.noPitch) doc.paragraph(p.noPitch, { size: SMALL, muted: true });
    doc.paragraph(p.disclosure, { size: 8, muted: true });
  }

  doc.heading(data.headings.excluded);
  doc.paragraph(data.excluded.summary, { size: SMALL });
  if (data.excluded.groups.length > 0)
    doc.bullets(
      data.excluded.groups.map((g) => g.text),
      { size: SMALL },
    );

  doc.heading(data.headings.questions);
  if (data.questions.length === 0) doc.paragraph(translate(data.language, 'pack.questions.none'), { size: SMALL });
  else doc.bullets(data.questions, { size: SMALL });
  return doc.finish();
}
