import type { Language } from '../domain/enums';

/** A run of text the two versions share, or one only the advisor's text has (added) or only the draft's (removed). */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Beyond this many token pairs the texts are shown as replaced whole: a pitch is far smaller. */
const MAX_CELLS = 4_000_000;

/**
 * Words, spaces and punctuation as the language divides them. English splits at spaces; Chinese has none, so
 * Intl.Segmenter's dictionary finds its words (a character at a time where it knows none).
 */
export function tokensOf(text: string, language: Language): string[] {
  const segmenter = new Intl.Segmenter(language === 'zh-CN' ? 'zh' : 'en', { granularity: 'word' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * What changed from `before` (the machine's draft) to `after` (the advisor's text), word by word: the longest
 * common run of tokens is kept, the rest marked removed or added (removals first where both change).
 */
export function diffText(before: string, after: string, language: Language): DiffPart[] {
  const a = tokensOf(before, language);
  const b = tokensOf(after, language);
  const parts: DiffPart[] = [];
  // Shared start and end need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  push(parts, 'same', a.slice(0, start).join(''));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  if (x.length * y.length > MAX_CELLS) {
    push(parts, 'removed', x.join(''));
    push(parts, 'added', y.join(''));
  } else {
    // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
    const width = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * width);
    for (let i = x.length - 1; i >= 0; i--)
      for (let j = y.length - 1; j >= 0; j--)
        lcs[i * width + j] =
          x[i] === y[j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        push(parts, 'same', x[i]!);
        i++;
        j++;
      } else if (j >= y.length || (i < x.length && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
        push(parts, 'removed', x[i]!);
        i++;
      } else {
        push(parts, 'added', y[j]!);
        j++;
      }
    }
  }
  push(parts, 'same', a.slice(endA).join(''));
  return parts.filter((p) => p.text !== '');
}

/** Whether the advisor's text differs from the draft's at all. */
export const changed = (parts: readonly DiffPart[]): boolean => parts.some((p) => p.kind !== 'same');
