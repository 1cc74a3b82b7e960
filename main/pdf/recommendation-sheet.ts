import type { Client } from '../../app/domain/client';
import type { ClientRanking } from '../../app/domain/ranking';
import { renderMessage } from '../../app/messages';
import { PdfReport } from './pdf-document';
import type { FontBook } from './pdf-fonts';
import { PdfText } from './pdf-text';

/** How many reasons per product the sheet lists: those that raised the score most (the client reads why, not why not). */
const REASONS_PER_PRODUCT = 3;

/**
 * A client's recommendation sheet in the client's language: the products that suit them in ranked order with the
 * score and the main reasons, then every product excluded with the rule that excluded it.
 */
export function recommendationSheetPdf(client: Client, ranking: ClientRanking, fonts?: FontBook): Buffer {
  const x = new PdfText(client.language);
  const title = x.t('pdf.sheet.title');
  const footer = x.t('pdf.footer.sheet', {
    id: client.id,
    at: x.time(ranking.at),
    ruleSet: ranking.ruleSet.id,
    version: ranking.ruleSet.version,
  });
  const doc = new PdfReport(x.meta(`${title}: ${client.displayName}`, ranking.at, client.id, footer), fonts);
  doc.title(title, x.t('pdf.sheet.subtitle', { client: client.displayName, at: x.time(ranking.at) }));

  doc.heading(x.t('pdf.sheet.client'));
  doc.fields(x.clientRows(client).filter(([label]) => label !== x.t('pdf.client.id')));
  doc.paragraph(x.t('pdf.sheet.basis', { ruleSet: ranking.ruleSet.id, version: ranking.ruleSet.version }), {
    muted: true,
    size: 9,
  });

  doc.heading(x.t('pdf.sheet.suitable'));
  if (ranking.ranked.length === 0) doc.paragraph(x.t('pdf.sheet.noneSuitable'));
  else
    doc.table(
      [
        { header: x.t('pdf.sheet.rank'), width: 0.06 },
        { header: x.t('pdf.product.name'), width: 0.3 },
        { header: x.t('product.riskGrade'), width: 0.1 },
        { header: x.t('pdf.sheet.score'), width: 0.1 },
        { header: x.t('pdf.sheet.reasons'), width: 0.44 },
      ],
      ranking.ranked.map((p) => [
        x.number(p.rank),
        p.deviation ? `${x.productName(p)}\n(${x.t('pdf.sheet.deviation')})` : x.productName(p),
        p.riskGrade,
        x.t('pdf.percent', { value: x.number(p.probability * 100, 1) }),
        p.reasons
          .filter((r) => r.logOdds > 0)
          .slice(0, REASONS_PER_PRODUCT)
          .map((r) => `• ${renderMessage(r.text, x.language)}`)
          .join('\n'),
      ]),
    );

  doc.heading(x.t('pdf.sheet.excluded'));
  if (ranking.excluded.length === 0) doc.paragraph(x.t('pdf.sheet.noneExcluded'));
  else
    doc.table(
      [
        { header: x.t('pdf.product.name'), width: 0.34 },
        { header: x.t('product.riskGrade'), width: 0.1 },
        { header: x.t('pdf.sheet.whyNot'), width: 0.56 },
      ],
      ranking.excluded.map((p) => [
        x.productName(p),
        p.riskGrade,
        p.failed.length === 1
          ? renderMessage(p.failed[0]!.reason, x.language)
          : p.failed.map((f) => `• ${renderMessage(f.reason, x.language)}`).join('\n'),
      ]),
    );
  return doc.finish();
}
