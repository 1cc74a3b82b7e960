import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking, PdfFile, PitchDraftView } from '../../../app/contract';
import type { ClientPage, ClientSummary } from '../../../app/domain';
import { translate } from '../../../app/messages';
import type { Language } from '../../../app/messages/language';
import type { MeetingPackData } from '../../../app/use-cases/meeting-pack';
import type { Backend } from '../../../main/backend/backend-types';
import { loadMeetingPack } from '../../../main/backend/meeting-pack-loader';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase } from '../../../main/db/connection';
import { meetingPackPdf } from '../../../main/pdf/meeting-pack-pdf';
import { backendCalls } from '../backend/backend-calls';
import { tempDir } from '../db/temp-db';
import { fontsOf, pageTexts, squeezed } from './pdf-reading';

const NOW = new Date('2026-11-28T09:00:00.000Z');
const LANGUAGES: Language[] = ['en', 'zh-CN'];

/**
 * Meeting packs for demo clients (a person, a business, one whose KYC has expired), read back from the PDF the way a
 * viewer would: every section in the language asked for, the products and pitches the advisor will discuss, the
 * exclusions grouped, the questions, on no more than two pages, and the same bytes for the same input.
 */
describe('meeting pack PDF', () => {
  let dir: string;
  let backend: Backend;
  let clients: ClientSummary[];
  let approvedHeadline: string;
  const { value } = backendCalls(() => backend.handlers);
  const pack = async (clientId: string, language: Language) => {
    const file = await value<PdfFile>('clients:meeting-pack-pdf', { clientId, language });
    return { file, pdf: Buffer.from(file.base64, 'base64') };
  };
  const data = async (clientId: string, language: Language): Promise<MeetingPackData> => {
    const db = openDatabase(backend.databasePath);
    try {
      return await loadMeetingPack(
        db,
        { clientId, language },
        {
          now: NOW.toISOString(),
          rank: (id) => value<ClientRanking>('recommendations:for-client', { clientId: id, top: 20 }),
        },
      );
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    dir = tempDir('ad-pack-');
    backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      now: () => NOW,
      languageEngine: 'in-process',
    });
    const page = await value<ClientPage>('clients:list', { limit: 300 });
    const stale = new Date(NOW.getTime() - 400 * 86_400_000).toISOString().slice(0, 10);
    const fresh = (c: ClientSummary) => c.kycReviewedAt !== null && c.kycReviewedAt > stale;
    clients = [
      page.rows.find((c) => c.kind === 'individual' && fresh(c))!,
      page.rows.find((c) => c.kind === 'business' && fresh(c))!,
      page.rows.find((c) => c.kycReviewedAt !== null && c.kycReviewedAt < stale)!,
    ];
    expect(clients.every(Boolean)).toBe(true);

    // The person's top product gets an approved template pitch in English, as an advisor would have prepared it.
    const done = new Map<string, () => void>();
    backend.subscribe((event, payload) => {
      if (event === 'pitch:done') done.get((payload as { requestId: string }).requestId)?.();
    });
    const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: clients[0]!.id, top: 3 });
    const started = await value<{ requestId: string; draftId: string }>('pitch:start', {
      clientId: clients[0]!.id,
      productId: ranking.ranked[0]!.productId,
      source: 'template',
      settings: { language: 'en' },
    });
    await new Promise<void>((resolve) => done.set(started.requestId, resolve));
    const draft = await value<PitchDraftView>('pitch:get', { draftId: started.draftId });
    const version = draft.versions.at(-1)!;
    await value('pitch:approve', { draftId: started.draftId, version: version.version });
    approvedHeadline = version.content.headline;
  }, 120_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints every section, the client, the products to discuss, the exclusions and the questions', async () => {
    for (const c of clients)
      for (const language of LANGUAGES) {
        const expected = await data(c.id, language);
        const { pdf } = await pack(c.id, language);
        const text = squeezed((await pageTexts(pdf)).join(''));
        for (const heading of Object.values(expected.headings)) expect(text).toContain(squeezed(heading));
        expect(text).toContain(squeezed(c.displayName));
        expect(text).toContain(squeezed(expected.subtitle));
        for (const [label, v] of expected.profile.rows) expect(text).toContain(squeezed(label + v));
        for (const p of expected.products.items) {
          expect(text).toContain(squeezed(p.heading));
          expect(text).toContain(squeezed(p.disclosure));
        }
        for (const g of expected.excluded.groups) expect(text).toContain(squeezed(g.text));
        for (const q of expected.questions) expect(text).toContain(squeezed(q));
        // Nothing of the other language's catalog leaks in.
        const other = language === 'en' ? 'zh-CN' : 'en';
        expect(text).not.toContain(squeezed(translate(other, 'pack.section.questions')));
      }
  });

  it('says a client with an expired KYC can be offered nothing, and asks to refresh it first', async () => {
    const stale = clients[2]!;
    const expected = await data(stale.id, 'en');
    expect(expected.profile.kycState).toBe('stale');
    const text = squeezed((await pageTexts((await pack(stale.id, 'en')).pdf)).join(''));
    expect(text).toContain(squeezed(translate('en', 'pack.products.kycBlocked')));
    expect(text).toContain(squeezed(translate('en', 'pack.rule.kyc-current')));
    expect(expected.questions[0]).toMatch(/^The KYC expired on \d{4}-\d{2}-\d{2}/);
  });

  it('carries the approved pitch with its status in the client’s language, and not in the other', async () => {
    const person = clients[0]!;
    const en = squeezed((await pageTexts((await pack(person.id, 'en')).pdf)).join(''));
    expect(en).toContain(squeezed(approvedHeadline));
    expect(en).toContain(squeezed(translate('en', 'pack.status.approved', { version: 1 })));
    const zh = squeezed((await pageTexts((await pack(person.id, 'zh-CN')).pdf)).join(''));
    expect(zh).not.toContain(squeezed(approvedHeadline));
    expect(zh).toContain(
      squeezed(translate('zh-CN', 'pack.products.pitchOtherLanguage', { language: translate('zh-CN', 'language.en') })),
    );
  });

  it('fits a typical client on one or two A4 pages, numbered, with Chinese set in the embedded font', async () => {
    for (const c of clients)
      for (const language of LANGUAGES) {
        const { pdf, file } = await pack(c.id, language);
        expect(file.fileName).toBe(`meeting-pack-${c.id}-${language}-2026-11-28.pdf`);
        const pages = await pageTexts(pdf);
        expect(pages.length).toBeGreaterThanOrEqual(1);
        expect(pages.length).toBeLessThanOrEqual(2);
        pages.forEach((page, i) =>
          expect(squeezed(page)).toContain(
            squeezed(translate(language, 'pdf.page', { page: i + 1, pages: pages.length })),
          ),
        );
        const fonts = fontsOf(pdf);
        expect(fonts.every((f) => f.embedded)).toBe(true);
        if (language === 'zh-CN') {
          expect(fonts.some((f) => /NotoSansSC/i.test(f.name))).toBe(true);
          expect(squeezed(pages[0]!)).toContain(squeezed(translate('zh-CN', 'pack.section.profile')));
        }
      }
  });

  it('gives the same bytes for the same client at the same time', async () => {
    for (const language of LANGUAGES) {
      const a = await pack(clients[1]!.id, language);
      const b = await pack(clients[1]!.id, language);
      expect(b.pdf.equals(a.pdf)).toBe(true);
      const d = await data(clients[1]!.id, language);
      expect((await meetingPackPdf(d)).equals(await meetingPackPdf(structuredClone(d)))).toBe(true);
    }
  });
});
