import type { SourceRange } from './types';

/** Whether two ranges (either may be absent) cover the same characters of the same file. */
export function sameRange(a: SourceRange | undefined, b: SourceRange | undefined): boolean {
  return a === b || (!!a && !!b && a.file === b.file && a.start === b.start && a.end === b.end);
}
