/**
 * Offers CSV text as a download, the way savePdf offers a document: a Blob and a link with `download`, which Electron
 * and a browser both turn into "save file". A byte-order mark first, so a spreadsheet opens Chinese names as UTF-8.
 */
export function saveCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
