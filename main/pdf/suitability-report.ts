import type { PitchDraftContent } from '../../app/contract/pitch-channels';
import { pickText } from '../../app/domain/localized-text';
import { isMessageKey, renderMessage } from '../../app/messages';
import type { PitchAdviceRecord } from '../../app/records/advice-record';
import { PdfReport } from './pdf-document';
import type { FontBook } from './pdf-fonts';
import { PdfText, profileOf } from './pdf-text';

/**
 * The readable form of one advice record, in the language the advice was given in: the client as they stood, the
 * product, the suitability verdict with every rule's reason, any deviation, the ranking, how the text was produced,
 * the machine draft against the final text, the disclosures, who advised and approved and when. Every page carries
 * the record's id and stored sha256, so a printed page can be matched to the record it came from.
 */
export function suitabilityReportPdf(record: PitchAdviceRecord, contentHash: string, fonts?: FontBook): Buffer {
  const x = new PdfText(record.pitch.language);
  const language = x.language === 'zh-CN' ? 'zh' : 'en';
  const client = profileOf(record.client);
  const product = x.productName(record.product);
  const title = x.t('pdf.report.heading', { product });
  const doc = new PdfReport(
    x.meta(title, record.createdAt, record.advisor, x.t('pdf.footer.record', { id: record.id, hash: contentHash })),
    fonts,
  );
  doc.title(title, x.t('pdf.report.subtitle', { product, client: client.displayName, at: x.time(record.createdAt) }));

  doc.heading(x.t('pdf.report.client'));
  doc.fields(x.clientRows(record.client));

  doc.heading(x.t('pdf.report.product'));
  doc.fields(x.productRows(record.product));

  doc.heading(x.t('pdf.report.suitability'));
  const s = record.suitability;
  doc.fields([
    [
      x.t('pdf.suitability.result'),
      !s.suitable
        ? x.t('pdf.suitability.unsuitable')
        : s.deviationApplied
          ? x.t('pdf.suitability.suitableByDeviation')
          : x.t('pdf.suitability.suitable'),
    ],
    [x.t('pdf.suitability.ruleSet'), x.t('pdf.suitability.ruleSetValue', s.ruleSet)],
  ]);
  doc.table(
    [
      { header: x.t('pdf.suitability.rule'), width: 0.26 },
      { header: x.t('pdf.suitability.outcome'), width: 0.12 },
      { header: x.t('pdf.suitability.reason'), width: 0.62 },
    ],
    s.reasons.map((r) => [
      ruleName(x, r.ruleId),
      x.t(r.passed ? 'pdf.suitability.passed' : 'pdf.suitability.failed'),
      r.text[language],
    ]),
  );

  doc.heading(x.t('pdf.report.deviation'));
  if (!record.deviation) doc.paragraph(x.t('pdf.deviation.none'));
  else
    doc.fields([
      [x.t('pdf.deviation.warning'), pickText(record.deviation.warning, x.language)],
      [x.t('pdf.deviation.acknowledgedBy'), record.deviation.acknowledgedBy],
      [x.t('pdf.deviation.acknowledgedAt'), x.time(record.deviation.acknowledgedAt)],
      [x.t('pdf.deviation.reason'), record.deviation.reason],
    ]);

  doc.heading(x.t('pdf.report.ranking'));
  if (!record.ranking) doc.paragraph(x.t('pdf.ranking.none'));
  else {
    const r = record.ranking;
    doc.fields([
      [x.t('pdf.ranking.position'), x.number(r.position)],
      [x.t('pdf.ranking.score'), x.t('pdf.percent', { value: x.number(r.probability * 100, 1) })],
      [x.t('pdf.ranking.shownAt'), x.time(r.shownAt)],
      [
        x.t('pdf.ranking.model'),
        r.modelVersion === null
          ? x.t('pdf.ranking.noModel')
          : x.t('pdf.ranking.modelVersion', { version: r.modelVersion }),
      ],
    ]);
    if (r.reasons.length > 0) {
      doc.label(x.t('pdf.ranking.reasons'));
      doc.bullets(r.reasons.map((reason) => renderMessage(reason.text, x.language)));
    }
  }

  const g = record.pitch.generation;
  const machine = record.pitch.machineDraft;
  const generation = g && machine ? generationRows(x, g, machine.source) : null;
  doc.heading(x.t('pdf.report.generation'), generation ? doc.fieldsHeight(generation) : 0);
  if (generation) doc.fields(generation);
  else doc.paragraph(x.t('pdf.generation.none'));

  doc.heading(x.t('pdf.report.finalText'));
  pitchText(doc, x, record.pitch.finalText);

  doc.heading(x.t('pdf.report.changes'));
  if (!machine) doc.paragraph(x.t('pdf.changes.machineOnly'));
  else if (record.pitch.changes.length === 0) doc.paragraph(x.t('pdf.changes.none'));
  else
    doc.table(
      [
        { header: x.t('pdf.changes.field'), width: 0.16 },
        { header: x.t('pdf.changes.machine', { version: machine.version }), width: 0.42 },
        { header: x.t('pdf.changes.final', { version: record.pitch.approvedVersion }), width: 0.42 },
      ],
      record.pitch.changes.map((c) => [x.t(`pitch.field.${c.field}`), asText(c.machine), asText(c.final)]),
    );

  if (record.pitch.issuesAtApproval.length > 0) {
    doc.heading(x.t('pdf.report.issues'));
    doc.bullets(record.pitch.issuesAtApproval.map((i) => pickText(i.message, x.language)));
  }

  doc.heading(x.t('pdf.report.disclosures'));
  for (const d of record.pitch.disclosures) doc.paragraph(d[language]);

  const review = record.review ?? null;
  const approval: [string, string][] = [
    [x.t('pdf.approval.advisor'), record.advisor],
    [x.t('pdf.approval.approver'), review ? `${review.reviewer.name} (${review.reviewer.id})` : record.approver],
    ...(review
      ? ([
          [
            x.t('pdf.approval.rubric'),
            x.t('pdf.approval.rubricScores', {
              accuracy: review.rubric.accuracy,
              suitability: review.rubric.suitability,
              clarity: review.rubric.clarity,
              compliance: review.rubric.compliance,
            }),
          ],
          [x.t('pdf.approval.submitted'), `${review.submittedBy} · ${x.time(review.submittedAt)}`],
          ...(review.comment ? ([[x.t('pdf.approval.comment'), review.comment]] as [string, string][]) : []),
        ] as [string, string][])
      : []),
    [x.t('pdf.approval.at'), x.time(record.createdAt)],
    [x.t('pdf.approval.version'), x.number(record.pitch.approvedVersion)],
    [x.t('pdf.approval.language'), x.t(`language.${record.pitch.language}`)],
    [x.t('pdf.approval.recordId'), record.id],
    [x.t('pdf.approval.hash'), contentHash],
    [x.t('pdf.approval.schema'), record.schema],
  ];
  doc.heading(x.t('pdf.report.approval'), doc.fieldsHeight(approval));
  doc.fields(approval);
  return doc.finish();
}

/** Model file and prompt hashes, settings and timing of the machine draft. */
function generationRows(
  x: PdfText,
  g: NonNullable<PitchAdviceRecord['pitch']['generation']>,
  source: 'model' | 'template' | 'advisor',
): [string, string][] {
  const rows: [string, string][] = [[x.t('pdf.generation.source'), x.t(`pdf.generation.${source}`)]];
  if (g.modelFile) rows.push([x.t('pdf.generation.modelFile'), g.modelFile]);
  if (g.modelSha256) rows.push([x.t('pdf.generation.modelHash'), g.modelSha256]);
  if (g.promptHash) rows.push([x.t('pdf.generation.promptHash'), g.promptHash]);
  const settings = Object.entries(g.settings)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}: ${String(v)}`);
  if (settings.length > 0) rows.push([x.t('pdf.generation.settings'), settings.join('; ')]);
  if (g.generatedTokens !== null) rows.push([x.t('pdf.generation.tokens'), x.number(g.generatedTokens)]);
  if (g.millis !== null)
    rows.push([
      x.t('pdf.generation.millis'),
      x.t('pdf.generation.millisValue', { seconds: x.number(g.millis / 1000, 1) }),
    ]);
  if (g.droppedFacts.length > 0) rows.push([x.t('pdf.generation.dropped'), g.droppedFacts.join(x.separator())]);
  return rows;
}

/** The pitch as the client reads it: headline, body, key points, risks and next step. */
export function pitchText(doc: PdfReport, x: PdfText, text: PitchDraftContent): void {
  doc.paragraph(text.headline, { weight: 700, size: 11 });
  doc.paragraph(text.body);
  if (text.keyPoints.length > 0) {
    doc.label(x.t('pitch.field.keyPoints'));
    doc.bullets(text.keyPoints);
  }
  if (text.risks.length > 0) {
    doc.label(x.t('pitch.field.risks'));
    doc.bullets(text.risks);
  }
  if (text.nextStep) {
    doc.label(x.t('pitch.field.nextStep'));
    doc.paragraph(text.nextStep);
  }
}

function asText(value: string | string[]): string {
  return Array.isArray(value) ? value.map((v) => `• ${v}`).join('\n') : value;
}

/** A rule's name in the catalog; a rule the catalog does not name yet (a newer rule set) by its id. */
function ruleName(x: PdfText, ruleId: string): string {
  const key = `pdf.rule.${ruleId}`;
  return isMessageKey(key) ? x.t(key) : ruleId;
}
