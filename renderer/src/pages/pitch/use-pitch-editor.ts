import { useEffect, useRef, useState } from 'react';
import type { PitchDraftContent, PitchDraftView, PitchIssueView, PitchVersionView } from '../../../../app/contract';
import { call } from '../../api/call';
import { useDebounced } from '../../api/use-debounced';

export interface PitchEditor {
  version: PitchVersionView | undefined;
  latest: PitchVersionView | undefined;
  content: PitchDraftContent | undefined;
  dirty: boolean;
  /** The edit shown came back from this computer's local draft (after leaving the page, or a reload). */
  restored: boolean;
  /** The lint of the text shown: the saved version's, or the latest answer for the edit in progress. */
  issues: readonly PitchIssueView[];
  approvable: boolean;
  /** An edit waits for its lint. */
  checking: boolean;
  select(version: number): void;
  edit(content: PitchDraftContent): void;
  /** Drops the edit and its local draft: discarded, or saved as a version. */
  discard(): void;
  /** Stops showing the edit but keeps its local draft, for when another draft or version is shown instead. */
  setAside(): void;
}

const LOCAL_DRAFT_PREFIX = 'advisor-desk:pitch-edit:';

/** Where an unsaved edit is kept on this computer: per pitch draft, the version it edits, and the language. */
export function localDraftKey(draftId: string, version: number, language: string): string {
  return `${LOCAL_DRAFT_PREFIX}${draftId}:${version}:${language}`;
}

function readLocalDraft(key: string): PitchDraftContent | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { content: PitchDraftContent }).content : null;
  } catch {
    // Storage unavailable or the entry damaged: there is simply no local draft.
    return null;
  }
}

function writeLocalDraft(key: string, content: PitchDraftContent | null): void {
  try {
    if (content) window.localStorage.setItem(key, JSON.stringify({ content }));
    else window.localStorage.removeItem(key);
  } catch {
    // A full or disabled storage loses the local copy only; the edit on screen is unaffected.
  }
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
  const key = draft && version ? localDraftKey(draft.id, version.version, draft.language) : '';
  const [edited, setEdited] = useState<{ key: string; content: PitchDraftContent; restored: boolean } | null>(null);
  const dirty = edited !== null && edited.key === key;
  const content = dirty ? edited.content : version?.content;

  // A version opened with an edit kept on this computer shows that edit again.
  useEffect(() => {
    if (!key) return;
    setEdited((current) => {
      if (current?.key === key) return current;
      const kept = readLocalDraft(key);
      return kept ? { key, content: kept, restored: true } : current;
    });
  }, [key]);

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
    restored: dirty && edited.restored,
    issues,
    approvable,
    checking,
    select: (v) => {
      setSelected(v);
      setEdited(null);
    },
    edit: (next) => {
      if (!key) return;
      setEdited({ key, content: next, restored: false });
      writeLocalDraft(key, next);
    },
    discard: () => {
      if (edited) writeLocalDraft(edited.key, null);
      setEdited(null);
    },
    setAside: () => setEdited(null),
  };
}
