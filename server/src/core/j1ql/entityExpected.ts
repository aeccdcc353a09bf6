import { isWordChar } from './lexer';
import { parse } from './parser';

/**
 * For completion: when `offset` is where a class or type is expected (after FIND, after a THAT verb, after `|` in
 * `(A|B)`), the range of the partial word there and the part of it before the offset. The query before the word is
 * parsed; the word is a candidate when that prefix ends exactly where the parser wants an entity.
 */
export function entityExpectedAt(query: string, offset: number): { start: number; end: number; prefix: string } | undefined {
  if (offset < 0 || offset > query.length) return undefined;
  let start = offset;
  while (start > 0 && isWordChar(query.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < query.length && isWordChar(query.charCodeAt(end))) end++;
  // What precedes the word decides; a word glued to `#`, `.` or a quote leaves the prefix ending elsewhere.
  const outcome = parse(query.slice(0, start));
  if (outcome.endExpectation !== 'entity') return undefined;
  return { start, end, prefix: query.slice(start, offset) };
}
