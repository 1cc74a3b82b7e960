import { create, type Font } from 'fontkit';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_WEIGHTS, FontBook, woffToSfnt } from '../../../../main/pdf/pdf-fonts';

/**
 * The fonts PDFs embed: text is split into runs by the file that holds its characters (Roboto for Latin, the right
 * Noto Sans SC subset for Chinese), and every file the CSS names reads with real outlines, so no character prints
 * as a blank or a box.
 */
describe('the PDF font book', () => {
  const book = new FontBook();

  it('sets Latin in Roboto and each Chinese character in the Noto Sans SC subset that holds it', () => {
    const runs = book.runs('Bond Fund 稳健增利债券基金，R3 风险', 400);
    expect(runs.map((r) => r.text).join('')).toBe('Bond Fund 稳健增利债券基金，R3 风险');
    expect(runs[0]).toMatchObject({ text: 'Bond Fund ' });
    expect(runs[0]!.face.name).toMatch(/^roboto-latin-400$/);
    for (const run of runs) {
      const family = /[\u4e00-\u9fff\uff0c]/.test(run.text) ? /^noto-sans-sc-\d+-400$/ : /^roboto-/;
      expect(run.face.name, run.text).toMatch(family);
      const font = book.font(run.face);
      for (const ch of run.text) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
    }
    expect(book.runs('稳', 700)[0]!.face.weight).toBe(700);
  });

  it('reads the subset files with their character maps and outlines (fontkit alone loses some)', () => {
    // 赎 lives in the subset whose WOFF fontkit 2.0.4 cannot map by itself.
    const lost = book.faceFor('赎'.codePointAt(0)!, 400);
    expect(() => (create(fs.readFileSync(lost.file)) as Font).glyphForCodePoint(0x8d4e)).toThrow();
    for (const weight of FONT_WEIGHTS)
      for (const ch of 'aé—赎稳债券，') {
        const face = book.faceFor(ch.codePointAt(0)!, weight);
        const glyph = (create(woffToSfnt(fs.readFileSync(face.file))) as Font).glyphForCodePoint(ch.codePointAt(0)!);
        expect(glyph.id, `${ch} in ${face.name}`).toBeGreaterThan(0);
        expect(glyph.path.commands.length, `${ch} in ${face.name}`).toBeGreaterThan(0);
      }
  });
});
