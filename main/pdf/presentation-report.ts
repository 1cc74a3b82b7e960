import { pickText } from '../../app/domain/localized-text';
import { renderMessage } from '../../app/messages';
import type { CorrectionRecord, RankingPresentedRecord } from '../../app/records/advice-record';
import { PdfReport } from './pdf-document';
import type { FontBook } from './pdf-fonts';
import { PdfText, profileOf } from './pdf-text';

/**
 * The readable form of a ranking presented without a pitch, in the client's language: the client as they stood, how
 * the ranking was made, every product recommended with its place, score and reasons, every product excluded with the
 * rules' words, and the deviations on record. Each page carries the record's id and stored sha256.
 */
export function presentedRankingPdf(record: RankingPresentedRecord, contentHash: string, fonts?: FontBook): Buffer {
  const client = profileOf(record.client);
  const x = new PdfText(client.language);
  const language = x.language === 'zh-CN' ? 'zh' : 'en';
  const p = record.presentation;
  const title = x.t('pdf.presented.heading', { client: client.displayName });
  const doc = new PdfReport(
    x.meta(title, record.createdAt, record.advisor, x.t('pdf.footer.record', { id: record.id, hash: contentHash })),
    fonts,
  );
  doc.title(title, x.t('pdf.presented.subtitle', { at: x.time(p.shownAt), recorded: x.time(record.createdAt) }));

  doc.heading(x.t('pdf.report.client'));
  doc.fields(x.clientRows(record.client));

  const model = p.languageModel;
  const how: [string, string][] = [
    [x.t('pdf.ranking.shownAt'), x.time(p.shownAt)],
    [x.t('pdf.presented.shownTo'), p.shownTo],
    [x.t('pdf.presented.surface'), p.surface],
    [
      x.t('pdf.ranking.model'),
      p.modelVersion === null
        ? x.t('pdf.ranking.noModel')
        : x.t('pdf.ranking.modelVersion', { version: p.modelVersion }),
    ],
    [x.t('pdf.suitability.ruleSet'), x.t('pdf.suitability.ruleSetValue', p.ruleSet)],
    [
      x.t('pdf.presented.languageModel'),
      !model
        ? x.t('pdf.product.none')
        : model.used
          ? x.t('pdf.presented.languageModelUsed', { file: model.file, sha256: model.sha256 })
          : x.t('pdf.presented.languageModelNotUsed', {
              file: model.file,
              sha256: model.sha256,
              reason: model.reason ?? '',
            }),
    ],
  ];
  if (p.note) how.push([x.t('pdf.presented.note'), p.note]);
  if (p.changedSinceShown.length > 0) how.push([x.t('pdf.presented.changed'), p.changedSinceShown.join(x.separator())]);
  doc.heading(x.t('pdf.presented.how'), doc.fieldsHeight(how));
  doc.fields(how);

  const recommended = record.products.filter((r) => r.role === 'recommended');
  doc.heading(x.t('pdf.presented.recommended'));
  if (recommended.length === 0) doc.paragraph(x.t('pdf.presented.noneRecommended'));
  else
    doc.table(
      [
        { header: x.t('pdf.sheet.rank'), width: 0.06 },
        { header: x.t('pdf.product.name'), width: 0.3 },
        { header: x.t('product.riskGrade'), width: 0.1 },
        { header: x.t('pdf.sheet.score'), width: 0.1 },
        { header: x.t('pdf.ranking.reasons'), width: 0.44 },
      ],
      recommended.map((r) => [
        r.position === null ? '' : x.number(r.position),
        r.movedForDiversity ? `${x.productName(r.product)}\n(${x.t('pdf.presented.moved')})` : x.productName(r.product),
        r.product.riskGrade,
        r.probability === null ? '' : x.t('pdf.percent', { value: x.number(r.probability * 100, 1) }),
        r.reasons.map((reason) => `• ${renderMessage(reason.text, x.language)}`).join('\n'),
      ]),
    );

  const rejected = record.products.filter((r) => r.role === 'rejected');
  doc.heading(x.t('pdf.presented.rejected'));
  if (rejected.length === 0) doc.paragraph(x.t('pdf.presented.noneRejected'));
  else
    doc.table(
      [
        { header: x.t('pdf.product.name'), width: 0.34 },
        { header: x.t('product.riskGrade'), width: 0.1 },
        { header: x.t('pdf.sheet.whyNot'), width: 0.56 },
      ],
      rejected.map((r) => {
        const failed = r.suitability.reasons.filter((reason) => !reason.passed).map((reason) => reason.text[language]);
        return [
          x.productName(r.product),
          r.product.riskGrade,
          failed.length === 1 ? failed[0]! : failed.map((f) => `• ${f}`).join('\n'),
        ];
      }),
    );

  doc.heading(x.t('pdf.report.deviation'));
  if (record.deviations.length === 0) doc.paragraph(x.t('pdf.presented.noDeviations'));
  for (const d of record.deviations)
    doc.fields([
      [x.t('pdf.deviation.warning'), pickText(d.warning, x.language)],
      [x.t('pdf.deviation.acknowledgedBy'), d.acknowledgedBy],
      [x.t('pdf.deviation.acknowledgedAt'), x.time(d.acknowledgedAt)],
      [x.t('pdf.deviation.reason'), d.reason],
    ]);

  recordedBy(doc, x, record, contentHash);
  return doc.finish();
}

/**
 * A correction as a page of its own: the record it corrects (id, kind, hash), why, and each statement put right.
 * A correction carries no client profile, so it is written in English, the language of the compliance trail.
 */
export function correctionPdf(record: CorrectionRecord, contentHash: string, fonts?: FontBook): Buffer {
  const x = new PdfText('en');
  const title = x.t('pdf.correction.heading', { id: record.corrects.id });
  const doc = new PdfReport(
    x.meta(title, record.createdAt, record.advisor, x.t('pdf.footer.record', { id: record.id, hash: contentHash })),
    fonts,
  );
  doc.title(title, x.t('pdf.correction.subtitle', { at: x.time(record.createdAt), advisor: record.advisor }));
  doc.paragraph(x.t('pdf.correction.note'), { muted: true });
  doc.heading(x.t('pdf.correction.corrects'));
  doc.fields([
    [x.t('pdf.approval.recordId'), record.corrects.id],
    [x.t('pdf.correction.kind'), x.t(`records.kind.${record.corrects.kind}`)],
    [x.t('pdf.correction.hash'), record.corrects.contentHash],
    [x.t('pdf.client.id'), record.client.id],
  ]);
  doc.heading(x.t('pdf.correction.reason'));
  doc.paragraph(record.reason);
  doc.heading(x.t('pdf.correction.changes'));
  doc.table(
    [
      { header: x.t('records.correct.field'), width: 0.24 },
      { header: x.t('records.correct.was'), width: 0.38 },
      { header: x.t('records.correct.now'), width: 0.38 },
    ],
    record.changes.map((c) => [c.field, c.was, c.now]),
  );
  recordedBy(doc, x, record, contentHash);
  return doc.finish();
}

/** The closing block of a hand-made record: who made it, when, its id, hash and layout, kept together on one page. */
function recordedBy(
  doc: PdfReport,
  x: PdfText,
  record: { advisor: string; createdAt: string; id: string; schema: string },
  contentHash: string,
): void {
  const made: [string, string][] = [
    [x.t('pdf.approval.advisor'), record.advisor],
    [x.t('pdf.presented.recorded'), x.time(record.createdAt)],
    [x.t('pdf.approval.recordId'), record.id],
    [x.t('pdf.approval.hash'), contentHash],
    [x.t('pdf.approval.schema'), record.schema],
  ];
  doc.heading(x.t('pdf.report.recorded'), doc.fieldsHeight(made));
  doc.fields(made);
}
