import { describe, expect, it } from 'vitest';
import { changed, diffText, tokensOf } from '../../../../app/pitch/text-diff';

const marked = (parts: ReturnType<typeof diffText>) =>
  parts.map((p) => (p.kind === 'same' ? p.text : p.kind === 'added' ? `{+${p.text}+}` : `[-${p.text}-]`)).join('');

describe('the diff between the machine draft and the advisor text', () => {
  it('marks whole English words, not letters', () => {
    const parts = diffText('It pays a fixed rate of 2.1%.', 'It pays a guaranteed fixed rate of 2.1%.', 'en');
    expect(marked(parts)).toBe('It pays a {+guaranteed +}fixed rate of 2.1%.');
    expect(marked(diffText('Please read the risk statement.', 'Please read the statement.', 'en'))).toBe(
      'Please read the [-risk -]statement.',
    );
  });

  it('shows a replaced English word as removed then added', () => {
    expect(marked(diffText('The term is short.', 'The term is long.', 'en'))).toBe('The term is [-short-]{+long+}.');
  });

  it('divides Chinese, which has no spaces, into words or characters', () => {
    expect(tokensOf('固定利率为2%。', 'zh-CN').length).toBeGreaterThan(2);
    const parts = diffText('它与您的目标相符。', '它与您的长期目标相符。', 'zh-CN');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['长期']);
    expect(parts.filter((p) => p.kind === 'removed')).toEqual([]);
    expect(marked(parts)).toBe('它与您的{+长期+}目标相符。');
  });

  it('keeps both texts whole: the same parts and the removed give the draft, the same and the added the edit', () => {
    const before = '尊敬的陈女士：这款存款产品期限为一年。请在决定前阅读风险提示。';
    const after = '尊敬的陈女士：这款定期存款期限为两年。请阅读风险提示。';
    const parts = diffText(before, after, 'zh-CN');
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    expect(changed(parts)).toBe(true);
    expect(changed(diffText(before, before, 'zh-CN'))).toBe(false);
  });
});
