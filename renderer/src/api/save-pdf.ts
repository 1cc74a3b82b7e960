import type { PdfFile } from '../../../app/contract';

/**
 * Offers a document the backend wrote as a download: a Blob and a link with `download`, which Electron and a browser
 * both turn into "save file" without the page navigating anywhere.
 */
export function savePdf(file: PdfFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes once the click is handled; the URL can go after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
