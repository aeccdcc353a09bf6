import type { Known, SourceRange } from '../model/types';

/** One class name of a `_class` value, with where it is written. */
export interface ClassName {
  name: string;
  /** The string literal when it could be found, else the whole value. */
  range: SourceRange;
  /** True when `range` is exactly the quoted literal of this name (so an edit may replace it). */
  literal: boolean;
}

/**
 * The names of a `_class` value (a string or a list). For a list written as a literal, each name
 * points at its own string when it occurs once in the written list; otherwise at the list.
 */
export function classNames(value: Known<string | string[]>, text: (file: string) => string | undefined): ClassName[] {
  const where = value.origin ?? value.range;
  const source = text(where.file)?.slice(where.start, where.end) ?? '';
  const names = Array.isArray(value.value) ? value.value : [value.value];
  return names.map((name) => {
    const quoted = [`'${name}'`, `"${name}"`, `\`${name}\``];
    const hits = quoted.flatMap((q) => occurrences(source, q));
    if (hits.length === 1) {
      const start = where.start + hits[0];
      return { name, range: { file: where.file, start, end: start + name.length + 2 }, literal: true };
    }
    return { name, range: where, literal: false };
  });
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** `'User'` -> `'Usr'`: the same quotes around a replacement. */
export function requote(literal: string, replacement: string): string {
  return `${literal[0]}${replacement}${literal[literal.length - 1]}`;
}
