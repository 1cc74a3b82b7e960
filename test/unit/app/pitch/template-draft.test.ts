import { describe, expect, it } from 'vitest';
import { recordedText } from '../../../../app/domain/localized-text';
import { LANGUAGES } from '../../../../app/domain';
import {
  PITCH_LENGTHS,
  PITCH_TONES,
  UnsuitableProductError,
  canApprove,
  lintDraft,
  parseDraft,
  templateDraft,
} from '../../../../app/pitch';
import { demo, suitablePairs } from './pitch-fixtures';

describe('template draft', () => {
  const pairs = suitablePairs();

  it('covers many products and clients of the demo book', () => {
    expect(pairs.length).toBeGreaterThan(500);
    expect(new Set(pairs.map((p) => p.product.id)).size).toBeGreaterThan(demo().products.length * 0.7);
  });

  for (const language of LANGUAGES) {
    it(`passes the lint for every suitable demo pair in ${language}`, () => {
      const failures: string[] = [];
      pairs.forEach(({ client, product, facts }, i) => {
        // Every pair in the medium length; tones and lengths rotate so each combination is seen many times.
        const tone = PITCH_TONES[i % PITCH_TONES.length]!;
        const length = PITCH_LENGTHS[Math.floor(i / 3) % PITCH_LENGTHS.length]!;
        const draft = templateDraft(facts, { language, tone, length });
        const issues = lintDraft(draft, facts, { language });
        if (!canApprove(issues) || issues.length > 0)
          failures.push(`${client.id} ${product.id} ${tone} ${length}: ${issues.map((x) => x.message.en).join(' | ')}`);
      });
      expect(failures.slice(0, 10)).toEqual([]);
    });
  }

  it('is labelled as a template, deterministic, and valid against the draft schema', () => {
    const { facts } = pairs[0]!;
    const a = templateDraft(facts, { language: 'zh-CN', tone: 'warm', length: 'long' });
    const b = templateDraft(facts, { language: 'zh-CN', tone: 'warm', length: 'long' });
    expect(a).toEqual(b);
    expect(a.source).toBe('template');
    expect(recordedText(a.label).en).toMatch(/template/i);
    const { headline, body, keyPoints, risks, nextStep } = a;
    expect(parseDraft(JSON.stringify({ headline, body, keyPoints, risks, nextStep }), 'long').ok).toBe(true);
    expect(
      parseDraft(
        JSON.stringify(templateDraft(facts, { language: 'en', tone: 'concise', length: 'short' })).replace(
          /"source"[^}]*$/,
          '"x":1}',
        ),
      ).ok,
    ).toBe(false);
  });

  it('writes each language in its own script', () => {
    const { facts } = pairs[0]!;
    expect(templateDraft(facts, { language: 'zh-CN', tone: 'formal', length: 'medium' }).body).toMatch(
      /[\u4e00-\u9fff]/,
    );
    expect(templateDraft(facts, { language: 'en', tone: 'formal', length: 'medium' }).body).not.toMatch(
      /[\u4e00-\u9fff]/,
    );
  });
});

describe('template draft for an unsuitable product', () => {
  it('is refused, as a model draft would be', () => {
    const { facts } = suitablePairs()[0]!;
    expect(() =>
      templateDraft(
        { ...facts, suitability: { ...facts.suitability, suitable: false } },
        { language: 'en', tone: 'formal', length: 'short' },
      ),
    ).toThrow(UnsuitableProductError);
  });
});
