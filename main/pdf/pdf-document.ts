import PDFDocument from 'pdfkit';
import type { Language } from '../../app/messages/language';
import { fontBook, type FontBook, type FontRun, type FontWeight } from './pdf-fonts';

/**
 * A small document layer on pdfkit for the reports the app writes: A4 pages, headings, wrapped paragraphs of mixed
 * Chinese and Latin text, label/value blocks and simple tables, and a footer on every page. Lines are laid out
 * here rather than by pdfkit's wrapper, because a Chinese sentence changes font file every few characters (one
 * fontsource subset per range) and each run has to sit on the same baseline.
 */

export interface PdfMeta {
  title: string;
  language: Language;
  /** The time the document is about (a record's time): written as its creation and modification date. */
  at: Date;
  author: string;
  subject?: string;
  /** The footer's left part on every page (e.g. the record id and hash); the page number goes right. */
  footer: string;
  /** The page-number template, filled with {page} and {pages}. */
  pageLabel: (page: number, pages: number) => string;
}

export interface TableColumn {
  header: string;
  /** Share of the text width. */
  width: number;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const BODY = 10;
const LEADING = 1.45;
const INK = '#1a1a1a';
const MUTED = '#5f6368';
const RULE = '#c4c7cc';
const CELL_PAD = 4;
const FIELD_COLUMNS: TableColumn[] = [
  { header: '', width: 0.32 },
  { header: '', width: 0.68 },
];

// Han, kana, CJK symbols and full-width forms: a line may break before any of these.
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;
// Never at the start of a line (closing marks and sentence punctuation, Chinese and Latin).
const CLOSING = /[，。、；：！？）》」』】〕〉”’…,.;:!?)\]}%]/;
// Never at the end of a line.
const OPENING = /[（《「『【〔〈“‘([{]/;

interface Unit {
  text: string;
  /** Width including trailing spaces, and without them (what must fit at a line's end). */
  advance: number;
  ink: number;
}

interface Style {
  size: number;
  weight: FontWeight;
  color: string;
}

export class PdfReport {
  private readonly doc: PDFKit.PDFDocument;
  private readonly registered = new Set<string>();
  private y = MARGIN.top;
  private readonly left = MARGIN.left;
  private readonly width = A4[0] - MARGIN.left - MARGIN.right;
  private readonly bottom = A4[1] - MARGIN.bottom;

  constructor(
    private readonly meta: PdfMeta,
    private readonly fonts: FontBook = fontBook(),
  ) {
    this.doc = new PDFDocument({
      size: A4,
      margins: MARGIN,
      bufferPages: true,
      // No default font: pdfkit would otherwise load Helvetica, a standard font, from its own folder.
      font: null as unknown as string,
      lang: meta.language,
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: meta.author,
        Subject: meta.subject ?? meta.title,
        Creator: 'Advisor Desk',
        Producer: 'Advisor Desk (PDFKit)',
        CreationDate: meta.at,
        ModDate: meta.at,
      },
    });
  }

  title(text: string, subtitle?: string): void {
    this.block(text, { size: 17, weight: 700, color: INK });
    if (subtitle) this.block(subtitle, { size: BODY, weight: 400, color: MUTED });
    this.rule(6, 10);
  }

  /**
   * A heading goes to the next page when no line of what follows would fit under it, or, given the height of a short
   * block that follows (see fieldsHeight), when that block would not fit whole but would on a fresh page.
   */
  heading(text: string, keepWith = 0): void {
    const page = this.bottom - MARGIN.top;
    this.ensure(keepWith > 0 && keepWith + 40 < page ? keepWith + 40 : 80);
    this.y += 8;
    this.block(text, { size: 12.5, weight: 700, color: INK });
    this.y += 2;
  }

  paragraph(text: string, options: { weight?: FontWeight; muted?: boolean; size?: number } = {}): void {
    this.block(text, {
      size: options.size ?? BODY,
      weight: options.weight ?? 400,
      color: options.muted ? MUTED : INK,
    });
    this.y += 4;
  }

  /** A small heading kept on the same page as the first line after it. */
  label(text: string): void {
    const style: Style = { size: BODY, weight: 700, color: MUTED };
    this.ensure(this.lineHeight(style) * 2 + 4);
    this.block(text, style);
    this.y += 2;
  }

  bullets(items: readonly string[], options: { size?: number } = {}): void {
    const style: Style = { size: options.size ?? BODY, weight: 400, color: INK };
    for (const item of items) {
      const lines = this.lines(item, this.width - 14, style);
      this.ensure(this.lineHeight(style));
      this.place('•', this.left + 3, this.y + style.size, style);
      this.drawLines(lines, this.left + 14, style);
      this.y += 2;
    }
    this.y += 2;
  }

  /** Label and value pairs in two columns. */
  fields(rows: readonly (readonly [string, string])[]): void {
    this.table(FIELD_COLUMNS, rows, { header: false, labelColumn: true });
  }

  /** The height fields() will take for these rows, to keep a short block with its heading. */
  fieldsHeight(rows: readonly (readonly [string, string])[]): number {
    const pad = CELL_PAD;
    return rows.reduce((sum, row) => {
      const lines = FIELD_COLUMNS.map(
        (c, i) =>
          this.lines(row[i] ?? '', c.width * this.width - 2 * pad, {
            size: BODY,
            weight: i === 0 ? 700 : 400,
            color: INK,
          }).length,
      );
      return sum + Math.max(...lines) * BODY * LEADING + 2 * pad;
    }, 8);
  }

  table(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    options: { header?: boolean; labelColumn?: boolean; labelColumns?: readonly number[]; size?: number } = {},
  ): void {
    const pad = CELL_PAD;
    const size = options.size ?? BODY;
    const isLabel = (column: number) =>
      (options.labelColumn === true && column === 0) || (options.labelColumns?.includes(column) ?? false);
    const xs: number[] = [];
    let x = this.left;
    for (const c of columns) {
      xs.push(x);
      x += c.width * this.width;
    }
    const cellStyle = (column: number, head: boolean): Style => ({
      size: head ? size - 1 : size,
      weight: head || isLabel(column) ? 700 : 400,
      color: head || isLabel(column) ? MUTED : INK,
    });
    const drawRow = (cells: readonly string[], head: boolean) => {
      const laid = columns.map((c, i) =>
        this.lines(cells[i] ?? '', c.width * this.width - 2 * pad, cellStyle(i, head)),
      );
      const heights = laid.map((lines, i) => lines.length * this.lineHeight(cellStyle(i, head)));
      const height = Math.max(...heights) + 2 * pad;
      const fresh = this.ensure(height);
      if (fresh && !head && options.header !== false)
        drawRow(
          columns.map((c) => c.header),
          true,
        );
      const top = this.y;
      laid.forEach((lines, i) => {
        this.y = top + pad;
        this.drawLines(lines, xs[i]! + pad, cellStyle(i, head), false);
      });
      this.y = top + height;
      this.hline(this.y, head ? MUTED : RULE);
    };
    this.ensure(this.lineHeight(cellStyle(0, false)) * 2 + 2 * pad);
    this.hline(this.y, RULE);
    if (options.header !== false)
      drawRow(
        columns.map((c) => c.header),
        true,
      );
    for (const row of rows) drawRow(row, false);
    this.y += 8;
  }

  /** Space before the next block. */
  gap(points = 6): void {
    this.y += points;
  }

  /**
   * Writes the footers (now that the page count is known) and ends the document. pdfkit writes everything while
   * ending, into the stream's buffer, so the bytes are read back at once: no event loop turn, no listener.
   */
  finish(): Buffer {
    const range = this.doc.bufferedPageRange();
    const style: Style = { size: 7.5, weight: 400, color: MUTED };
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const lineY = A4[1] - MARGIN.bottom + 18;
      this.doc
        .moveTo(this.left, lineY)
        .lineTo(this.left + this.width, lineY)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      const page = this.meta.pageLabel(i - range.start + 1, range.count);
      const pageWidth = this.measure(page, style);
      const footer = this.lines(this.meta.footer, this.width - pageWidth - 16, style);
      const baseline = lineY + 12;
      footer.forEach((line, n) => this.drawLine(line, this.left, baseline + n * this.lineHeight(style), style));
      this.drawLine(this.fonts.runs(page, style.weight), this.left + this.width - pageWidth, baseline, style);
    }
    this.doc.flushPages();
    this.doc.end();
    const chunks: Buffer[] = [];
    for (let chunk = this.doc.read() as Buffer | null; chunk !== null; chunk = this.doc.read() as Buffer | null)
      chunks.push(chunk);
    const pdf = Buffer.concat(chunks);
    if (!pdf.subarray(-8).toString('latin1').includes('%%EOF')) throw new Error('The PDF did not end.');
    return pdf;
  }

  private lineHeight(style: Style): number {
    return style.size * LEADING;
  }

  /** Starts a new page when fewer than `height` points are left; true when it did. */
  private ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.doc.addPage();
    this.y = MARGIN.top;
    return true;
  }

  private block(text: string, style: Style): void {
    this.drawLines(this.lines(text, this.width, style), this.left, style);
  }

  private drawLines(lines: FontRun[][], x: number, style: Style, breakPages = true): void {
    for (const line of lines) {
      if (breakPages) this.ensure(this.lineHeight(style));
      this.drawLine(line, x, this.y + style.size, style);
      this.y += this.lineHeight(style);
    }
  }

  private drawLine(line: FontRun[], x: number, baseline: number, style: Style): void {
    let at = x;
    for (const run of line) {
      this.place(run.text, at, baseline, style, run);
      at += this.runWidth(run, style.size);
    }
  }

  /** Draws one run on a baseline, whatever the font's ascender: runs of Roboto and Noto Sans SC line up. */
  private place(text: string, x: number, baseline: number, style: Style, run?: FontRun): void {
    const face = run?.face ?? this.fonts.runs(text, style.weight)[0]!.face;
    this.use(face.name, face);
    this.doc
      .fillColor(style.color)
      .font(face.name)
      .fontSize(style.size)
      .text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }

  private use(name: string, face: FontRun['face']): void {
    if (this.registered.has(name)) return;
    this.doc.registerFont(name, this.fonts.font(face) as unknown as Buffer);
    this.registered.add(name);
  }

  private runWidth(run: FontRun, size: number): number {
    this.use(run.face.name, run.face);
    return this.doc.font(run.face.name).fontSize(size).widthOfString(run.text);
  }

  private measure(text: string, style: Style): number {
    return this.fonts.runs(text, style.weight).reduce((sum, run) => sum + this.runWidth(run, style.size), 0);
  }

  /** Breaks text into lines of runs no wider than `width`: between words, between Chinese characters, at newlines. */
  private lines(text: string, width: number, style: Style): FontRun[][] {
    const lines: FontRun[][] = [];
    for (const paragraph of text.replace(/\t/g, ' ').split(/\r?\n/)) {
      let line = '';
      let used = 0;
      for (const unit of this.units(paragraph, style, width)) {
        if (line !== '' && used + unit.ink > width) {
          lines.push(this.fonts.runs(line.trimEnd(), style.weight));
          line = '';
          used = 0;
        }
        line += unit.text;
        used += unit.advance;
      }
      lines.push(this.fonts.runs(line.trimEnd(), style.weight));
    }
    return lines;
  }

  /** The pieces a line may break between, each measured; a word wider than a line is cut into pieces that fit. */
  private units(text: string, style: Style, width: number): Unit[] {
    const pieces: string[] = [];
    let current = '';
    for (const ch of text) {
      const last = current.slice(-1);
      const joins =
        current === '' ||
        CLOSING.test(ch) ||
        OPENING.test(last) ||
        (ch === ' ' ? true : !/\s$/.test(current) && !CJK.test(ch) && !CJK.test(last));
      if (joins) current += ch;
      else {
        pieces.push(current);
        current = ch;
      }
    }
    if (current !== '') pieces.push(current);
    const units: Unit[] = [];
    for (const piece of pieces) {
      const advance = this.measure(piece, style);
      const ink = this.measure(piece.trimEnd(), style);
      if (ink <= width) {
        units.push({ text: piece, advance, ink });
        continue;
      }
      let part = '';
      for (const ch of piece) {
        if (part !== '' && this.measure(part + ch, style) > width) {
          units.push({ text: part, advance: this.measure(part, style), ink: this.measure(part, style) });
          part = '';
        }
        part += ch;
      }
      if (part !== '') units.push({ text: part, advance: this.measure(part, style), ink: this.measure(part, style) });
    }
    return units;
  }

  private rule(before: number, after: number): void {
    this.y += before;
    this.hline(this.y, RULE);
    this.y += after;
  }

  private hline(y: number, color: string): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.5)
      .strokeColor(color)
      .stroke();
  }
}
