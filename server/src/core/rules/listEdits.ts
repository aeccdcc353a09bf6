import type { SourceRange } from '../model/types';
import type { TextEdit } from './types';

/**
 * An edit removing the element at `item` from the array literal at `list`, with its separator, when
 * both are written in place (the element inside the literal's brackets, only commas and white space
 * around it). Comments or anything unexpected: no edit, the author decides.
 */
export function removeListElement(list: SourceRange, item: SourceRange, text: (file: string) => string | undefined): TextEdit | undefined {
  if (list.file !== item.file || item.start < list.start || item.end > list.end) return undefined;
  const source = text(list.file);
  if (!source || source[list.start] !== '[' || source[list.end - 1] !== ']') return undefined;
  const edit = (start: number, end: number): TextEdit => ({ range: { file: list.file, start, end }, newText: '' });
  const skipForward = (i: number) => {
    while (i < list.end && /\s/.test(source[i])) i++;
    return i;
  };
  const skipBackward = (i: number) => {
    while (i > list.start && /\s/.test(source[i - 1])) i--;
    return i;
  };
  let after = skipForward(item.end);
  const hasComma = source[after] === ',';
  if (hasComma) after = skipForward(after + 1);
  else if (after !== list.end - 1) return undefined;
  const before = skipBackward(item.start);
  const previousComma = source[before - 1] === ',';
  if (!previousComma && before - 1 !== list.start) return undefined;
  if (hasComma && after !== list.end - 1) return edit(item.start, after); // an element follows: take this one and its comma
  if (previousComma) return edit(skipBackward(before - 1), hasComma ? skipBackward(after) : item.end); // the last one: take the comma before it
  return edit(list.start + 1, list.end - 1); // the only one
}
