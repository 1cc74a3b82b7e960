import { describe, expect, it } from 'vitest';
import { DRAFT_LIMITS, parseDraft, pitchDraftJsonSchema } from '../../../../app/pitch';

const good = {
  headline: 'A bond fund for income',
  body: 'Body text.',
  keyPoints: ['One point'],
  risks: ['A risk'],
  nextStep: 'Talk next week.',
};

describe('draft schema and parseDraft', () => {
  it('gives the grammar every field, required, with the same limits the validator checks', () => {
    const schema = pitchDraftJsonSchema('short');
    expect(schema.required).toEqual(['headline', 'body', 'keyPoints', 'risks', 'nextStep']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.body.maxLength).toBe(DRAFT_LIMITS.body.max.short);
    expect(schema.properties.keyPoints.maxItems).toBe(DRAFT_LIMITS.keyPoints.maxItems);
    expect(JSON.stringify(schema)).not.toMatch(/minimum|maximum/);
  });

  it('returns a typed draft for valid JSON, also inside a code fence', () => {
    expect(parseDraft(JSON.stringify(good))).toEqual({ ok: true, draft: good });
    expect(parseDraft('```json\n' + JSON.stringify(good) + '\n```').ok).toBe(true);
  });

  const cases: [string, string, string | null][] = [
    ['{"headline": "cut off', 'not-json', null],
    ['[1, 2]', 'not-object', null],
    [JSON.stringify({ ...good, nextStep: undefined }), 'missing-field', 'nextStep'],
    [JSON.stringify({ ...good, keyPoints: 'one' }), 'wrong-type', 'keyPoints'],
    [JSON.stringify({ ...good, headline: '   ' }), 'empty', 'headline'],
    [JSON.stringify({ ...good, headline: 'x'.repeat(121) }), 'too-long', 'headline'],
    [JSON.stringify({ ...good, risks: [] }), 'too-few-items', 'risks'],
    [JSON.stringify({ ...good, keyPoints: ['a', 'b', 'c', 'd', 'e', 'f'] }), 'too-many-items', 'keyPoints'],
    [JSON.stringify({ ...good, score: 5 }), 'unknown-field', 'score'],
  ];
  for (const [raw, code, field] of cases) {
    it(`reports ${code}${field ? ` for ${field}` : ''}`, () => {
      const result = parseDraft(raw);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.field).toBe(field);
      expect(result.error.message.length).toBeGreaterThan(10);
    });
  }

  it('holds a short pitch to the short body limit', () => {
    const long = JSON.stringify({ ...good, body: 'x'.repeat(DRAFT_LIMITS.body.max.short + 1) });
    expect(parseDraft(long, 'long').ok).toBe(true);
    const short = parseDraft(long, 'short');
    expect(!short.ok && short.error.code).toBe('too-long');
  });

  it('counts characters as the grammar does: 120 emoji or rare CJK fit a 120-character headline, 121 do not', () => {
    // Each is one character to the grammar and two UTF-16 units to JavaScript.
    const astral = '😀'.repeat(60) + '𠀀'.repeat(60);
    expect(astral.length).toBe(240);
    expect(parseDraft(JSON.stringify({ ...good, headline: astral })).ok).toBe(true);
    const over = parseDraft(JSON.stringify({ ...good, headline: astral + '😀' }));
    expect(!over.ok && over.error.message).toBe('"headline" is longer than 120 characters');
  });
});
