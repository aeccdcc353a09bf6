import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/**
 * A unified diff from `oldText` to `newText` (`---`/`+++` labels, `@@` hunks, 3 lines of
 * context, `\ No newline at end of file` where it applies), as `document --check` prints it.
 * Identical texts give the empty string, so callers can test the result for "up to date".
 */
export function unifiedDiff(oldText: string, newText: string, oldLabel: string, newLabel: string): string {
  if (oldText === newText) return '';
  // jsdiff's default header adds an "Index:" line and a row of `=`; plain `---`/`+++` lines
  // are what git and `diff -u` print and what editors colour.
  return (
    createTwoFilesPatch(oldLabel, newLabel, oldText, newText, undefined, undefined, {
      context: 3,
      headerOptions: FILE_HEADERS_ONLY,
    }) ?? ''
  );
}
