import type { PdfFile } from '../../../app/contract';
import { offerDownload } from './offer-download';

/** Offers a document the backend wrote (base64 over the contract) as a download. */
export function savePdf(file: PdfFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  offerDownload(file.fileName, new Blob([bytes], { type: 'application/pdf' }));
}
