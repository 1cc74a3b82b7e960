import type { PitchIssueView } from '../../../../app/contract';

export type DraftFieldName = PitchIssueView['spans'][number]['field'];
export type Severity = PitchIssueView['severity'];

export interface Mark {
  start: number;
  end: number;
  severity: Severity;
}

/**
 * Where the lint's problems sit in one field (or one item of a list field), as ranges of the text shown now. A span
 * whose text no longer stands at its offsets (the advisor typed since the lint ran) is looked up by its text; one
 * that cannot be found is not marked rather than marked in the wrong place. Overlaps keep the more severe mark.
 */
export function marksFor(
  issues: readonly PitchIssueView[],
  field: DraftFieldName,
  item: number | null,
  text: string,
): Mark[] {
  const marks: Mark[] = [];
  for (const issue of issues) {
    for (const span of issue.spans) {
      if (span.field !== field || (span.item ?? null) !== item) continue;
      let start = span.start;
      let end = span.end;
      if (text.slice(start, end) !== span.text) {
        const found = span.text ? text.indexOf(span.text) : -1;
        if (found < 0) continue;
        start = found;
        end = found + span.text.length;
      }
      if (end > start) marks.push({ start, end, severity: issue.severity });
    }
  }
  marks.sort((a, b) => a.start - b.start || (a.severity === 'blocking' ? -1 : 1));
  const merged: Mark[] = [];
  for (const mark of marks) {
    const last = merged[merged.length - 1];
    if (last && mark.start < last.end) {
      last.end = Math.max(last.end, mark.end);
      if (mark.severity === 'blocking') last.severity = 'blocking';
    } else {
      merged.push({ ...mark });
    }
  }
  return merged;
}

/** Whether any problem points into this field or item. */
export function worstSeverity(
  issues: readonly PitchIssueView[],
  field: DraftFieldName,
  item: number | null,
): Severity | null {
  let worst: Severity | null = null;
  for (const issue of issues) {
    if (!issue.spans.some((s) => s.field === field && (item === null || (s.item ?? null) === item))) continue;
    if (issue.severity === 'blocking') return 'blocking';
    worst = 'warning';
  }
  return worst;
}
