import type { ImportIssue } from './column-mapping';

/** A file that imports nothing, with every problem found (the first ten shown) by line, column and reason. */
export class ImportRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ImportIssue[],
  ) {
    const shown = issues.slice(0, 10).map((i) => `  ${file}, line ${i.line}, column "${i.column}": ${i.reason}`);
    const more = issues.length > 10 ? [`  … and ${issues.length - 10} more`] : [];
    super(
      [
        `Nothing was imported from ${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}.`,
        ...shown,
        ...more,
      ].join('\n'),
    );
    this.name = 'ImportRefusedError';
  }
}

export interface ImportProgress {
  /** `waiting`: another import or writer holds the database; this one starts when it is done (or gives up). */
  stage: 'reading' | 'checking' | 'waiting' | 'writing' | 'done';
  done: number;
  total: number;
}
