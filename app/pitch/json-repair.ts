interface Frame {
  object: boolean;
  /** In an object: the next string is a key. */
  expectKey: boolean;
}

const closers = (frames: readonly Frame[]) =>
  frames
    .map((f) => (f.object ? '}' : ']'))
    .reverse()
    .join('');

/**
 * Closes a JSON text that stopped part-way, as a grammar-constrained answer does when it reaches its token limit:
 * an open string value is ended, a dangling key, colon or comma is dropped, and open arrays and objects are
 * closed. Everything the model wrote before the cut is kept; nothing is invented. Returns null when the text did
 * not even open an object.
 */
export function closeTruncatedJson(text: string): string | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  const frames: Frame[] = [];
  let inString = false;
  let stringIsKey = false;
  let escaped = false;
  // The longest prefix that is valid once closed, and the open frames at that point.
  let safeEnd = start;
  let safeFrames: Frame[] = [];
  const markSafe = (end: number) => {
    safeEnd = end;
    safeFrames = frames.map((f) => ({ ...f }));
  };

  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    const top = frames[frames.length - 1];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') {
        inString = false;
        if (!stringIsKey) markSafe(i + 1);
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      stringIsKey = top?.object === true && top.expectKey;
      if (stringIsKey) top!.expectKey = false;
    } else if (ch === '{' || ch === '[') {
      frames.push({ object: ch === '{', expectKey: ch === '{' });
      markSafe(i + 1);
    } else if (ch === '}' || ch === ']') {
      frames.pop();
      if (frames.length === 0) return text.slice(start, i + 1);
      markSafe(i + 1);
    } else if (ch === ',') {
      if (top?.object) top.expectKey = true;
    } else if (/[0-9a-z.+-]/i.test(ch)) {
      // Numbers, true, false, null: complete when the next character is not part of them.
      const next = text[i + 1];
      if (next !== undefined && !/[0-9a-z.+-]/i.test(next)) markSafe(i + 1);
    }
  }

  if (inString && !stringIsKey) {
    // An open string value keeps what was written, less a dangling escape.
    const body = text.slice(start, escaped ? text.length - 1 : text.length);
    return `${body}"${closers(frames)}`;
  }
  const kept = text.slice(start, safeEnd).replace(/[,\s]+$/, '');
  return `${kept}${closers(safeFrames)}`;
}
