import { describe, expect, it } from 'vitest';
import type { PitchIssueView } from '../../../app/contract';
import { marksFor, worstSeverity } from '../../../renderer/src/pages/pitch/issue-spans';
import { parseHash, hrefFor } from '../../../renderer/src/routing/routes';

function issue(severity: 'blocking' | 'warning', spans: PitchIssueView['spans']): PitchIssueView {
  return { ruleId: 'forbidden-claim', severity, message: { en: 'x', zh: 'x' }, spans };
}

describe('pitch editor highlights', () => {
  const headline = 'Guaranteed returns, low fees';

  it('marks each problem where the lint found it, in the field and item it names', () => {
    const issues = [
      issue('blocking', [{ field: 'headline', item: null, start: 0, end: 18, text: 'Guaranteed returns' }]),
      issue('warning', [{ field: 'keyPoints', item: 1, start: 0, end: 3, text: 'low' }]),
    ];
    expect(marksFor(issues, 'headline', null, headline)).toEqual([{ start: 0, end: 18, severity: 'blocking' }]);
    expect(marksFor(issues, 'keyPoints', 0, 'low fees')).toEqual([]);
    expect(marksFor(issues, 'keyPoints', 1, 'low fees')).toEqual([{ start: 0, end: 3, severity: 'warning' }]);
    expect(worstSeverity(issues, 'headline', null)).toBe('blocking');
    expect(worstSeverity(issues, 'keyPoints', 1)).toBe('warning');
    expect(worstSeverity(issues, 'body', null)).toBeNull();
  });

  it('follows the text when the advisor typed before it since the lint ran, and drops a mark it cannot find', () => {
    const issues = [
      issue('blocking', [{ field: 'headline', item: null, start: 0, end: 18, text: 'Guaranteed returns' }]),
    ];
    expect(marksFor(issues, 'headline', null, `New: ${headline}`)).toEqual([
      { start: 5, end: 23, severity: 'blocking' },
    ]);
    expect(marksFor(issues, 'headline', null, 'Returns within the range, low fees')).toEqual([]);
  });

  it('merges overlapping marks and keeps the more severe', () => {
    const issues = [
      issue('warning', [{ field: 'body', item: null, start: 0, end: 10, text: 'Guaranteed' }]),
      issue('blocking', [{ field: 'body', item: null, start: 0, end: 18, text: 'Guaranteed returns' }]),
    ];
    expect(marksFor(issues, 'body', null, headline)).toEqual([{ start: 0, end: 18, severity: 'blocking' }]);
  });

  it('reaches the pitch of a product from its hash and back', () => {
    expect(parseHash('#/clients/C-1/pitch/P-9')).toEqual({ name: 'pitch', clientId: 'C-1', productId: 'P-9' });
    expect(hrefFor({ name: 'pitch', clientId: 'C 1', productId: 'P/9' })).toBe('#/clients/C%201/pitch/P%2F9');
    expect(parseHash(hrefFor({ name: 'pitch', clientId: 'C 1', productId: 'P/9' }))).toEqual({
      name: 'pitch',
      clientId: 'C 1',
      productId: 'P/9',
    });
    expect(parseHash('#/clients/C-1/pitch').name).toBe('not-found');
  });
});
