import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfFile, PitchDraftView } from '../../../app/contract';
import type { AdviceRecord } from '../../../app/records/advice-record';
import { translate } from '../../../app/messages';
import type { Language } from '../../../app/messages/language';
import type { Backend } from '../../../main/backend/backend-types';
import { runCli } from '../../../main/cli/cli-commands';
import { getAdviceRecord, listAdviceRecords } from '../../../main/db/advice-record-repository';
import { openDatabase } from '../../../main/db/connection';
import { FontBook } from '../../../main/pdf/pdf-fonts';
import { suitabilityReportPdf } from '../../../main/pdf/suitability-report';
import { backendCalls } from '../backend/backend-calls';
import { captureCliIo } from '../cli/run-cli';
import { tempDir } from '../db/temp-db';
import { approvePitches, type ApprovedPitch } from './approved-pitches';
import { fontsOf, pageTexts, squeezed } from './pdf-reading';

const NOW = new Date('2026-11-28T09:00:00.000Z');
const STANDARD_FONTS =
  /^(Courier|Helvetica|Times|Symbol|ZapfDingbats)(-(Bold|Oblique|BoldOblique|Italic|BoldItalic|Roman))?$/;

/**
 * The suitability report of an advice record, read back from the PDF as a viewer would: the client's language
 * (Chinese included) comes out as text, every page names itself and the record's hash, the fonts travel in the
 * file, the same record always gives the same bytes, and an export of reports verifies like JSON and CSV do.
 */
describe('PDF documents', () => {
  let dir: string;
  let backend: Backend;
  let approved: ApprovedPitch[];
  const { call, value } = backendCalls(() => backend.handlers);
  const stored = (language: Language) => {
    const pitch = approved.find((a) => a.language === language)!;
    const db = openDatabase(backend.databasePath);
    try {
      const summary = listAdviceRecords(db, pitch.clientId).find((r) => r.pitchDraftId === pitch.draftId)!;
      const { record, contentHash } = getAdviceRecord(db, summary.id)!;
      if (record.kind !== 'pitch-approved') throw new Error(`${summary.id} is a ${record.kind} record`);
      return { record, contentHash };
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    dir = tempDir('ad-pdf-');
    ({ backend, approved } = await approvePitches(dir, NOW, ['en', 'zh-CN']));
    expect(approved.map((a) => a.language)).toEqual(['en', 'zh-CN']);
  }, 120_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a Chinese record’s report in Chinese, with the product, the reasons and the catalog’s sentences', async () => {
    const { record, contentHash } = stored('zh-CN');
    const pages = await pageTexts(suitabilityReportPdf(record, contentHash));
    const text = squeezed(pages.join(''));
    expect(text).toContain(squeezed(record.product.nameZh));
    expect(text).toContain(squeezed(translate('zh-CN', 'pdf.report.heading', { product: record.product.nameZh })));
    for (const key of ['pdf.report.client', 'pdf.report.suitability', 'pdf.report.disclosures'] as const)
      expect(text).toContain(squeezed(translate('zh-CN', key)));
    expect(text).toContain(
      squeezed(translate('zh-CN', record.deviation ? 'pdf.deviation.warning' : 'pdf.deviation.none')),
    );
    for (const reason of record.suitability.reasons) expect(text).toContain(squeezed(reason.text.zh));
    expect(text).toContain(squeezed(record.pitch.finalText.headline));
    for (const disclosure of record.pitch.disclosures) expect(text).toContain(squeezed(disclosure.zh));
    // Nothing of the English catalog leaks into a Chinese report.
    expect(text).not.toContain(squeezed(translate('en', 'pdf.report.client')));
  });

  it('numbers every page "page / pages" and prints the record’s id and hash on each', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const { record, contentHash } = stored(language);
      const pages = await pageTexts(suitabilityReportPdf(record, contentHash));
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) => {
        const text = squeezed(page);
        expect(text).toContain(squeezed(translate(language, 'pdf.page', { page: i + 1, pages: pages.length })));
        expect(text).toContain(`${i + 1}/${pages.length}`);
        expect(text).toContain(contentHash);
        expect(text).toContain(record.id);
      });
    }
  });

  it('embeds every font it uses, subset, and never a standard PDF font', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const { record, contentHash } = stored(language);
      const fonts = fontsOf(suitabilityReportPdf(record, contentHash));
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.name).not.toMatch(STANDARD_FONTS);
        expect(font.name).toMatch(/^[A-Z]{6}\+(Roboto|NotoSansSC)-/);
        expect(font, font.name).toMatchObject({ subtype: 'Type0', embedded: true });
      }
      if (language === 'zh-CN') expect(fonts.some((f) => f.name.includes('NotoSansSC'))).toBe(true);
    }
  });

  it('gives the same bytes for the same record, whatever was written before', () => {
    const zh = stored('zh-CN');
    const en = stored('en');
    const first = suitabilityReportPdf(zh.record, zh.contentHash);
    suitabilityReportPdf(en.record, en.contentHash);
    const again = suitabilityReportPdf(zh.record, zh.contentHash, new FontBook());
    expect(again.equals(first)).toBe(true);
    // Dated by the record, not by the clock: the date objects hold the approval time.
    expect(first.toString('latin1')).toContain(`(D:${zh.record.createdAt.replace(/\D/g, '').slice(0, 14)}Z)`);
  });

  it('exports a period as one report per record (pitches, a presented ranking, a correction) with a manifest that verifies, and names a flipped byte', async () => {
    const zh = stored('zh-CN');
    const en = stored('en');
    const shown = await value<{ impressionId: string }>('recommendations:for-client', {
      clientId: zh.record.client.id,
      top: 5,
      shownOn: 'app',
    });
    const presented = await value<{ id: string; contentHash: string }>('records:present-ranking', {
      impressionId: shown.impressionId,
      note: 'Went through the list at the branch',
    });
    const correction = await value<{ id: string }>('records:correct', {
      id: en.record.id,
      reason: 'The client’s horizon was misheard',
      changes: [{ field: 'horizon', was: '2 years', now: '5 years' }],
    });

    const db = backend.databasePath;
    const cli = async (...args: string[]) => {
      const run = captureCliIo();
      const code = await runCli([...args, '--db', db], run.io);
      return { code, out: run.out(), err: run.err() };
    };
    const out = path.join(dir, 'export-pdf');
    const exported = await cli(
      'records',
      'export',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--format',
      'pdf',
      '--out',
      out,
    );
    expect(exported.code, exported.err).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'pdf', recordCount: 4 });
    expect(manifest.files.map((f: { name: string }) => f.name).sort()).toEqual(
      [en.record.id, zh.record.id, presented.id, correction.id].map((id) => `${id}.pdf`).sort(),
    );
    // The exported report is the report of the record, byte for byte.
    expect(
      fs.readFileSync(path.join(out, `${zh.record.id}.pdf`)).equals(suitabilityReportPdf(zh.record, zh.contentHash)),
    ).toBe(true);
    const { record: ranking } = await value<{ record: AdviceRecord }>('records:get', { id: presented.id });
    if (ranking.kind !== 'ranking-presented') throw new Error('not a presented ranking');
    const language = 'profile' in ranking.client ? ranking.client.profile.language : ranking.client.language;
    const rankingText = squeezed((await pageTexts(fs.readFileSync(path.join(out, `${presented.id}.pdf`)))).join(''));
    expect(rankingText).toContain('Wentthroughthelistatthebranch');
    expect(rankingText).toContain(presented.contentHash);
    for (const p of ranking.products)
      expect(rankingText).toContain(squeezed(language === 'zh-CN' ? p.product.nameZh : p.product.nameEn));
    const correctionText = squeezed(
      (await pageTexts(fs.readFileSync(path.join(out, `${correction.id}.pdf`)))).join(''),
    );
    expect(correctionText).toContain(squeezed('The client’s horizon was misheard'));
    expect(correctionText).toContain(en.record.id);
    expect((await cli('records', 'verify-export', out)).code).toBe(0);

    const file = path.join(out, `${zh.record.id}.pdf`);
    const bytes = fs.readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    fs.writeFileSync(file, bytes);
    const tampered = await cli('records', 'verify-export', out);
    expect(tampered.code).toBe(8);
    expect(tampered.out).toContain(`${zh.record.id}.pdf was changed after the export`);
  });

  it('exports an approved pitch for the client and refuses a version nobody approved', async () => {
    const pitch = approved.find((a) => a.language === 'zh-CN')!;
    const file = await value<PdfFile>('pitch:export-pdf', { draftId: pitch.draftId, version: pitch.version });
    expect(file.fileName).toMatch(/^pitch-.+-v1\.pdf$/);
    const pdf = Buffer.from(file.base64, 'base64');
    const text = squeezed((await pageTexts(pdf)).join(''));
    const draft = await value<PitchDraftView>('pitch:get', { draftId: pitch.draftId });
    const content = draft.versions[0]!.content;
    expect(text).toContain(squeezed(content.headline));
    expect(text).toContain(squeezed(stored('zh-CN').record.product.nameZh));
    for (const point of content.keyPoints) expect(text).toContain(squeezed(point));

    const edited = await value<PitchDraftView>('pitch:save', {
      draftId: pitch.draftId,
      baseVersion: pitch.version,
      content: { ...content, nextStep: `${content.nextStep} ${content.nextStep}` },
    });
    const unapproved = edited.versions.at(-1)!.version;
    const refused = await call('pitch:export-pdf', { draftId: pitch.draftId, version: unapproved });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', message: translate('en', 'pdf.pitch.notApproved', { version: unapproved }) },
    });
  });

  it('writes a client’s recommendation sheet with the suitable products, their scores and the excluded ones', async () => {
    const pitch = approved.find((a) => a.language === 'en')!;
    const file = await value<PdfFile>('clients:recommendation-sheet-pdf', { clientId: pitch.clientId });
    const text = squeezed((await pageTexts(Buffer.from(file.base64, 'base64'))).join(''));
    const ranking = await value<{ ranked: { nameEn: string }[]; excluded: { nameEn: string }[] }>(
      'recommendations:for-client',
      { clientId: pitch.clientId, top: 20 },
    );
    expect(text).toContain(squeezed(translate('en', 'pdf.sheet.suitable')));
    for (const p of ranking.ranked) expect(text).toContain(squeezed(p.nameEn));
    if (ranking.excluded.length > 0) {
      expect(text).toContain(squeezed(translate('en', 'pdf.sheet.excluded')));
      expect(text).toContain(squeezed(ranking.excluded[0]!.nameEn));
    }
  });
});
