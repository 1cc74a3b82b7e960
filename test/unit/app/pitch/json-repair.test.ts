import { describe, expect, it } from 'vitest';
import { closeTruncatedJson } from '../../../../app/pitch/json-repair';

describe('closing a JSON answer cut off at its token limit', () => {
  const full =
    '{"headline": "A 3.5% \\"deposit\\"", "body": "Steady income.", "keyPoints": ["One", "Two"], "risks": ["Risk"], "nextStep": "Call"}';

  it('leaves a complete answer as it is, and every cut of it parses to a prefix of what was written', () => {
    expect(JSON.parse(closeTruncatedJson(full)!)).toEqual(JSON.parse(full));
    for (let cut = 1; cut < full.length; cut++) {
      const closed = closeTruncatedJson(full.slice(0, cut));
      expect(closed, `cut at ${cut}: ${full.slice(0, cut)}`).not.toBeNull();
      const value = JSON.parse(closed!) as Record<string, unknown>;
      for (const [key, v] of Object.entries(value)) {
        const original = (JSON.parse(full) as Record<string, unknown>)[key];
        if (typeof v === 'string') expect((original as string).startsWith(v)).toBe(true);
        if (Array.isArray(v))
          v.forEach((item, i) => expect(((original as string[])[i] ?? '').startsWith(item as string)).toBe(true));
      }
    }
  });

  it('keeps an open string value, drops an open key, and ends a dangling escape', () => {
    expect(JSON.parse(closeTruncatedJson('{"headline": "Half a sen')!)).toEqual({ headline: 'Half a sen' });
    expect(JSON.parse(closeTruncatedJson('{"headline": "Done", "bo')!)).toEqual({ headline: 'Done' });
    expect(JSON.parse(closeTruncatedJson('{"keyPoints": ["a", "b\\')!)).toEqual({ keyPoints: ['a', 'b'] });
    expect(closeTruncatedJson('no json here')).toBeNull();
  });
});
