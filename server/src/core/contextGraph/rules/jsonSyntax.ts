import type { ParseError } from 'jsonc-parser';
import type { ImportIssue } from '../issue';
import { syntaxErrorText } from '../parse';

export const JSON_SYNTAX = 'context-graph-json-syntax';

/** Malformed JSON: Canopsis' decoder stops at the first such place ("failed to parse cis: ..."). */
export function jsonSyntax(errors: readonly ParseError[], textLength: number): ImportIssue[] {
  return errors.map((e) => ({
    code: JSON_SYNTAX,
    severity: 'error' as const,
    node: { offset: Math.min(e.offset, textLength), length: Math.max(e.length, e.offset < textLength ? 1 : 0) },
    message: `Invalid JSON: ${syntaxErrorText(e)}. Canopsis cannot decode the import: fix the JSON here.`,
  }));
}
