/** The file name at the end of a path, for either separator (the backend may run on Windows). */
export function modelFileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** 494000000 → "494M", 7610000000 → "7.6B". */
export function formatParameters(count: number | null): string {
  if (count === null) return '—';
  if (count >= 1e9) return `${trim(count / 1e9)}B`;
  if (count >= 1e6) return `${trim(count / 1e6)}M`;
  if (count >= 1e3) return `${trim(count / 1e3)}K`;
  return String(count);
}

function trim(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1).replace(/\.0$/, '') : value.toFixed(2).replace(/\.?0+$/, '');
}

/** Sizes as a file manager shows them, in binary units. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The model backend's refusals carry both languages as "English … / 中文 …" in one message. Shows the advisor's
 * half when the message splits that way, the whole message otherwise (paths keep their slashes: the separator has
 * spaces around it and only the second half may hold Chinese).
 */
export function pickBilingualMessage(message: string, language: 'en' | 'zh-CN'): string {
  const at = message.lastIndexOf(' / ');
  if (at < 0) return message;
  const en = message.slice(0, at).trim();
  const zh = message.slice(at + 3).trim();
  if (!en || !zh || CJK.test(en) || !CJK.test(zh)) return message;
  return language === 'zh-CN' ? zh : en;
}
