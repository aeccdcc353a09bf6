import type { Known, SourceRange } from '../model/types';
import type { TextEdit } from './types';

/**
 * An edit replacing a string value where it is written, when it is written as a plain string literal
 * at its place of use (`'fetch-user'`). Values that come from constants (`Steps.USER`) are not
 * rewritten: the constant may be shared, and the fix belongs to the author.
 */
export function replaceStringLiteral(value: Known<string>, replacement: string, text: (file: string) => string | undefined): TextEdit | undefined {
  const range: SourceRange = value.origin ?? value.range;
  if (value.origin && (value.origin.file !== value.range.file || value.origin.start !== value.range.start)) return undefined;
  const source = text(range.file)?.slice(range.start, range.end);
  if (!source || source.length < 2) return undefined;
  const quote = source[0];
  if ((quote !== "'" && quote !== '"' && quote !== '`') || source[source.length - 1] !== quote) return undefined;
  if (source.slice(1, -1) !== value.value) return undefined; // escapes or templates: leave them to the author
  return { range, newText: `${quote}${replacement}${quote}` };
}
