import { create, type Font } from 'fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The fonts a PDF embeds: Roboto and Noto Sans SC from the same @fontsource packages the window uses, as the WOFF
 * subset files fontsource splits them into (one per unicode range). Each run of text is set in the file whose
 * range holds its characters, so a document embeds only the subsets it uses, and never a standard PDF font.
 */

export type FontWeight = 400 | 700;
export const FONT_WEIGHTS: readonly FontWeight[] = [400, 700];
/** Latin first, as the window's font-family lists them: Chinese falls through to Noto Sans SC. */
export const FONT_PACKAGES = ['roboto', 'noto-sans-sc'] as const;

export interface FontFace {
  /** The name the document registers the file under, e.g. "noto-sans-sc-37-400". */
  name: string;
  file: string;
  weight: FontWeight;
  /** Inclusive code point ranges, sorted. */
  ranges: [number, number][];
}

/** The folder holding roboto/ and noto-sans-sc/ (each with its CSS and files/): beside the bundle, or node_modules. */
export function fontRoot(start = path.dirname(fileURLToPath(import.meta.url))): string {
  const has = (dir: string) => FONT_PACKAGES.every((p) => existsSync(path.join(dir, p, '400.css')));
  // A bundle (dist/main/*.mjs) has the fonts build-main.mjs copied beside it, inside the asar once packed.
  if (has(path.join(start, 'fonts'))) return path.join(start, 'fonts');
  // The sources (tests, tsx): the installed packages, found up the tree.
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '@fontsource');
    if (has(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`The PDF fonts are missing: no fonts/ beside ${start}.`);
  }
}

/** The @font-face rules of a fontsource CSS file: the WOFF file and the unicode ranges of each. */
export function parseFontCss(css: string): { file: string; ranges: [number, number][] }[] {
  const faces: { file: string; ranges: [number, number][] }[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      const start = parseInt(from!, 16);
      return [start, to === undefined ? start : parseInt(to, 16)];
    });
    faces.push({ file, ranges: ranges.sort((a, b) => a[0] - b[0]) });
  }
  return faces;
}

function covers(face: FontFace, codePoint: number): boolean {
  let lo = 0;
  let hi = face.ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = face.ranges[mid]!;
    if (codePoint < from) hi = mid - 1;
    else if (codePoint > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** One piece of text set in one font file. */
export interface FontRun {
  text: string;
  face: FontFace;
}

/** Every face of both packages in both weights, read once; a file is read and parsed when first used. */
export class FontBook {
  private readonly faces = new Map<FontWeight, FontFace[]>();
  private readonly parsed = new Map<string, Font>();
  private readonly chosen = new Map<number, FontFace>();

  constructor(readonly root: string = fontRoot()) {
    for (const weight of FONT_WEIGHTS) {
      const list: FontFace[] = [];
      for (const pkg of FONT_PACKAGES) {
        const css = readFileSync(path.join(root, pkg, `${weight}.css`), 'utf8');
        for (const face of parseFontCss(css))
          list.push({
            name: face.file.replace(/-normal\.woff$/, ''),
            file: path.join(root, pkg, 'files', face.file),
            weight,
            ranges: face.ranges,
          });
      }
      this.faces.set(weight, list);
    }
  }

  /**
   * The face that draws a character: the first whose CSS range holds it and whose file has a glyph for it (the
   * ranges are fontsource's slicing, a little wider than some files), else the first whose range holds it, else the
   * first face (a missing-glyph box rather than a lost character).
   */
  faceFor(codePoint: number, weight: FontWeight): FontFace {
    const key = codePoint * 2 + (weight === 700 ? 1 : 0);
    const known = this.chosen.get(key);
    if (known) return known;
    const faces = this.faces.get(weight)!;
    const inRange = faces.filter((f) => covers(f, codePoint));
    const face = inRange.find((f) => this.font(f).hasGlyphForCodePoint(codePoint)) ?? inRange[0] ?? faces[0]!;
    this.chosen.set(key, face);
    return face;
  }

  /** Splits text into runs of one face each, in reading order. */
  runs(text: string, weight: FontWeight): FontRun[] {
    const runs: FontRun[] = [];
    for (const ch of text) {
      const face = this.faceFor(ch.codePointAt(0)!, weight);
      const last = runs[runs.length - 1];
      if (last && last.face === face) last.text += ch;
      else runs.push({ text: ch, face });
    }
    return runs;
  }

  /**
   * The face's font, parsed once per process. The WOFF file is unpacked to a plain sfnt first: fontkit 2.0.4's own
   * inflater loses the character map of a few fontsource subsets (their characters would print as blanks).
   */
  font(face: FontFace): Font {
    const known = this.parsed.get(face.file);
    if (known) return known;
    const font = create(woffToSfnt(readFileSync(face.file))) as Font;
    this.parsed.set(face.file, font);
    return font;
  }
}

/** A WOFF 1.0 file as the TrueType/OpenType font it wraps: the same tables, inflated, in a plain sfnt directory. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('Not a WOFF file.');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < length ? inflateSync(stored) : stored,
    };
  });
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= count) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + count * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(count * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(table.tag, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

let shared: FontBook | null = null;

/** The process's font book: the CSS is parsed once, and each file read once, however many documents are written. */
export function fontBook(): FontBook {
  shared ??= new FontBook();
  return shared;
}
