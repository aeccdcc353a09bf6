import type { SourceRange } from '../model/types';
import type { TextEdit } from './types';

/**
 * Edits that add `entries` (already formatted, without trailing commas) at the end of the object or
 * array literal at `range`, matching the indentation of its last element and adding the comma it needs.
 */
export function appendToLiteral(range: SourceRange, entries: string[], text: (file: string) => string | undefined): TextEdit[] | undefined {
  const source = text(range.file);
  if (!source) return undefined;
  const literal = source.slice(range.start, range.end);
  const close = literal[literal.length - 1];
  if (close !== '}' && close !== ']') return undefined;
  const open = literal[0];
  if ((open === '{') !== (close === '}')) return undefined;
  const inner = literal.slice(1, -1);
  const closeAt = range.end - 1;
  if (!inner.trim()) {
    return [{ range: { file: range.file, start: range.start + 1, end: closeAt }, newText: close === '}' ? ` ${entries.join(', ')} ` : entries.join(', ') }];
  }
  // Position after the last element (skipping trailing whitespace and comments is left to the formatter).
  const trimmedEnd = range.start + 1 + inner.replace(/\s+$/, '').length;
  const hasTrailingComma = source[trimmedEnd - 1] === ',';
  const multiline = inner.includes('\n');
  if (!multiline) {
    return [{ range: { file: range.file, start: trimmedEnd, end: trimmedEnd }, newText: `${hasTrailingComma ? ' ' : ', '}${entries.join(', ')}` }];
  }
  const lastLineStart = source.lastIndexOf('\n', trimmedEnd - 1) + 1;
  const indent = /^\s*/.exec(source.slice(lastLineStart, trimmedEnd))?.[0] ?? '  ';
  const lines = entries.map((e) => `\n${indent}${e},`).join('');
  return [{ range: { file: range.file, start: trimmedEnd, end: trimmedEnd }, newText: `${hasTrailingComma ? '' : ','}${lines}` }];
}
