/**
 * Offers bytes as a download: a Blob and a link with `download`, which Electron and a browser both turn into "save
 * file" without the page navigating anywhere.
 */
export function offerDownload(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes once the click is handled; the URL can go after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
