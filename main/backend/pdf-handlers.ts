import type { HandlerTable } from '../../app/contract/dispatch';
import type { ClientRanking } from '../../app/domain/ranking';
import { DomainError } from '../../app/domain/domain-error';
import type { PitchAdviceRecord } from '../../app/records/advice-record';
import { translate } from '../../app/messages';
import { getAdviceRecord, listAdviceRecords } from '../db/advice-record-repository';
import { getClient } from '../db/client-repository';
import { getPitchDraft } from '../db/pitch-draft-repository';
import { getProduct } from '../db/product-repository';
import { meetingPackPdf } from '../pdf/meeting-pack-pdf';
import { approvedPitchPdf } from '../pdf/pitch-pdf';
import { recommendationSheetPdf } from '../pdf/recommendation-sheet';
import type { BackendContext } from './backend-context';
import { loadMeetingPack } from './meeting-pack-loader';

export type PdfHandlers = Pick<
  HandlerTable,
  'pitch:export-pdf' | 'clients:recommendation-sheet-pdf' | 'clients:meeting-pack-pdf'
>;

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * The PDFs the pitch and client pages offer. `rank` is the ranking the client page shows (the engine's use case),
 * so the sheet lists what the advisor sees; asking for a sheet does not record it as a ranking shown.
 */
export function pdfHandlers(ctx: BackendContext, rank: (clientId: string) => Promise<ClientRanking>): PdfHandlers {
  const { db } = ctx;
  const clientOf = (id: string) => {
    const client = getClient(db, id);
    if (!client) throw new DomainError('not_found', translate('en', 'pdf.sheet.noClient', { id }));
    return client;
  };
  return {
    'pitch:export-pdf': ({ draftId, version }) => {
      const draft = getPitchDraft(db, draftId);
      if (!draft) throw new DomainError('not_found', `No pitch draft with id ${draftId}.`);
      const client = clientOf(draft.clientId);
      // The record the approval made carries the product and the disclosures as they were approved.
      let record: { record: PitchAdviceRecord; contentHash: string } | null = null;
      for (const summary of listAdviceRecords(db, draft.clientId)) {
        if (summary.pitchDraftId !== draftId) continue;
        const stored = getAdviceRecord(db, summary.id);
        if (stored?.record.kind !== 'pitch-approved' || stored.record.pitch.approvedVersion !== version) continue;
        if (!stored.intact)
          throw new DomainError(
            'conflict',
            `The advice record ${summary.id} no longer matches its hash; run advisor-desk audit verify.`,
          );
        record = { record: stored.record, contentHash: stored.contentHash };
      }
      const product = record?.record.product ?? getProduct(db, draft.productId);
      if (!product) throw new DomainError('not_found', `No product with id ${draft.productId}.`);
      const pdf = approvedPitchPdf({ draft, version, client, product, record });
      return {
        fileName: `pitch-${fileSafe(client.id)}-${fileSafe(product.id)}-v${version}.pdf`,
        base64: pdf.toString('base64'),
      };
    },
    'clients:recommendation-sheet-pdf': async ({ clientId }) => {
      const client = clientOf(clientId);
      const ranking = await rank(clientId);
      const pdf = recommendationSheetPdf(client, ranking);
      return {
        fileName: `recommendations-${fileSafe(client.id)}-${ranking.at.slice(0, 10)}.pdf`,
        base64: pdf.toString('base64'),
      };
    },
    'clients:meeting-pack-pdf': async ({ clientId, language, meetingId }) => {
      const client = clientOf(clientId);
      const data = await loadMeetingPack(
        db,
        { clientId, ...(language ? { language } : {}), ...(meetingId ? { meetingId } : {}) },
        { now: ctx.nowIso(), rank },
      );
      const pdf = await meetingPackPdf(data);
      return {
        fileName: `meeting-pack-${fileSafe(client.id)}-${data.language}-${data.preparedAt.slice(0, 10)}.pdf`,
        base64: pdf.toString('base64'),
      };
    },
  };
}
