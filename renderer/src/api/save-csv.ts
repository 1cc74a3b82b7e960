import { offerDownload } from './offer-download';

/** Offers CSV text as a download, with a byte-order mark first so a spreadsheet opens Chinese names as UTF-8. */
export function saveCsv(fileName: string, text: string): void {
  offerDownload(fileName, new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
}
