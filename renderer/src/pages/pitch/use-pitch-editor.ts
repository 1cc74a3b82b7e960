import { useEffect, useRef, useState } from 'react';
import type { PitchDraftContent, PitchDraftView, PitchIssueView, PitchVersionView } from '../../../../app/contract';
import { call } from '../../api/call';
import { useDebounced } from '../../api/use-debounced';

export interface PitchEditor {
  version: PitchVersionView | undefined;
  latest: PitchVersionView | undefined;
  content: PitchDraftContent | undefined;
  dirty: boolean;
  /** The lint of the text shown: the saved version's, or the latest answer for the edit in progress. */
  issues: readonly PitchIssueView[];
  approvable: boolean;
  /** An edit waits for its lint. */
  checking: boolean;
  select(version: number): void;
  edit(content: PitchDraftContent): void;
  discard(): void;
}

interface Linted {
  key: string;
  content: PitchDraftContent;
  issues: PitchIssueView[];
  approvable: boolean;
}

const LINT_DELAY_MS = 400;

/**
 * The version shown in the editor and the advisor's edit of it. Each edit is linted by the backend once typing
 * pauses (pitch:lint, nothing saved); answers for text that has changed since are dropped.
 */
export function usePitchEditor(
  draft: PitchDraftView | undefined,
  selected: number | null,
  setSelected: (version: number | null) => void,
): PitchEditor {
  const latest = draft?.versions[draft.versions.length - 1];
  const version = draft?.versions.find((v) => v.version === selected) ?? latest;
  const key = draft && version ? `${draft.id}:${version.version}` : '';
  const [edited, setEdited] = useState<{ key: string; content: PitchDraftContent } | null>(null);
  const dirty = edited !== null && edited.key === key;
  const content = dirty ? edited.content : version?.content;

  const [linted, setLinted] = useState<Linted | null>(null);
  const pending = useDebounced(dirty ? edited : null, LINT_DELAY_MS);
  const sequence = useRef(0);
  useEffect(() => {
    if (!pending || !draft || pending.key !== key) return;
    const mine = ++sequence.current;
    call('pitch:lint', { draftId: draft.id, content: pending.content }).then(
      (answer) => {
        if (mine === sequence.current) setLinted({ key: pending.key, content: pending.content, ...answer });
      },
      () => {
        // A lint that failed leaves the last answer standing; saving lints again and reports any failure.
      },
    );
  }, [pending, draft, key]);

  const lintFits = dirty && linted !== null && linted.key === key;
  const issues = lintFits ? linted.issues : (version?.issues ?? []);
  const approvable = lintFits ? linted.approvable : (version?.approvable ?? false);
  const checking = dirty && (!lintFits || linted.content !== content);

  return {
    version,
    latest,
    content,
    dirty,
    issues,
    approvable,
    checking,
    select: (v) => {
      setSelected(v);
      setEdited(null);
    },
    edit: (next) => setEdited({ key, content: next }),
    discard: () => setEdited(null),
  };
}
