import type { PitchDraftView } from '../../app/contract/pitch-channels';
import type { Client } from '../../app/domain/client';
import { DomainError } from '../../app/domain/domain-error';
import type { Product } from '../../app/domain/product';
import { translate } from '../../app/messages';
import type { PitchAdviceRecord } from '../../app/records/advice-record';
import { PdfReport } from './pdf-document';
import type { FontBook } from './pdf-fonts';
import { PdfText } from './pdf-text';
import { pitchText } from './suitability-report';

export interface ApprovedPitchInput {
  draft: PitchDraftView;
  version: number;
  client: Client;
  product: Product;
  /** The advice record the approval made (with its stored hash), when there is one. */
  record: { record: PitchAdviceRecord; contentHash: string } | null;
}

/**
 * One approved pitch as the client receives it, in the pitch's language: the approved text, the product's key
 * facts and the disclosures. A version nobody approved is refused: only reviewed text may leave the app.
 */
export function approvedPitchPdf(input: ApprovedPitchInput, fonts?: FontBook): Buffer {
  const x = new PdfText(input.draft.language);
  const version = input.draft.versions.find((v) => v.version === input.version);
  // Refusals are read by the advisor in the window, as the app's other refusals are: in English.
  if (!version) throw new DomainError('not_found', translate('en', 'pdf.pitch.noVersion', { version: input.version }));
  if (!version.approval)
    throw new DomainError('validation', translate('en', 'pdf.pitch.notApproved', { version: input.version }));
  const at = version.approval.at;
  const record = input.record;
  const footer = record
    ? x.t('pdf.footer.pitch', { version: input.version, id: record.record.id, hash: record.contentHash })
    : x.t('pdf.footer.pitchNoRecord', { draftId: input.draft.id, version: input.version });
  const doc = new PdfReport(x.meta(version.content.headline, at, version.approval.by, footer), fonts);
  doc.title(
    x.productName(input.product),
    x.t('pdf.pitch.preparedFor', { client: input.client.displayName, at: x.time(at) }),
  );
  pitchText(doc, x, version.content);
  doc.heading(x.t('pdf.pitch.product'));
  doc.paragraph(x.pick(input.product.descriptionEn, input.product.descriptionZh));
  doc.fields(x.productRows(input.product));
  doc.heading(x.t('pdf.report.disclosures'));
  const disclosures = record?.record.pitch.disclosures ?? [
    { en: input.product.riskDisclosureEn, zh: input.product.riskDisclosureZh },
  ];
  for (const d of disclosures) doc.paragraph(x.pick(d.en, d.zh));
  return doc.finish();
}
