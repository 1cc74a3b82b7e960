import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF back the way a viewer's search or copy does (pdf.js): the text of each page, in drawing order. Line
 * breaks and spaces are the layout's, so callers compare with `squeezed` text.
 */
export async function pageTexts(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Text without any whitespace: a sentence the layout wrapped still matches. */
export const squeezed = (text: string): string => text.replace(/\s+/g, '');

/**
 * The fonts a PDF uses, from its font dictionaries: the name, whether it is a subset embedded in the file, and its
 * subtype. A standard PDF font (Helvetica and the other 13) has no font file and would show Chinese as nothing.
 */
export function fontsOf(pdf: Buffer): { name: string; subtype: string; embedded: boolean }[] {
  const text = pdf.toString('latin1');
  const fonts: { name: string; subtype: string; embedded: boolean }[] = [];
  for (const match of text.matchAll(/<<[^<>]*\/Type \/Font\b[^<>]*>>/g)) {
    const dict = match[0];
    const name = /\/BaseFont \/([^\s/>]+)/.exec(dict)?.[1] ?? '';
    const subtype = /\/Subtype \/(\w+)/.exec(dict)?.[1] ?? '';
    fonts.push({ name, subtype, embedded: false });
  }
  // A descendant CIDFont's descriptor names the embedded file; each font above must have one with its name.
  const embedded = new Set<string>();
  for (const [dict] of text.matchAll(/<<[^<>]*\/Type \/FontDescriptor\b[^<>]*>>/g)) {
    const name = /\/FontName \/([^\s/>]+)/.exec(dict)?.[1];
    if (name && /\/FontFile[23]? \d+ 0 R/.test(dict)) embedded.add(name);
  }
  return fonts.map((f) => ({ ...f, embedded: embedded.has(f.name) }));
}
