/**
 * J1QL, the JupiterOne query language: a parser of our own (no dependencies), for question-file validation,
 * hover and completion inside queries.
 */
import { parse } from './parser';
import type { J1qlParseResult } from './types';

export type * from './ast';
export type { J1qlError, J1qlParseResult, J1qlReference } from './types';
export { entityExpectedAt } from './entityExpected';
export { entityKindOf } from './parser';

/** Parses one J1QL query. Never throws; a syntax error comes back in `errors` with its offsets. */
export function parseJ1ql(query: string): J1qlParseResult {
  const { ast, errors, references, unchecked } = parse(query);
  return unchecked ? { ast, errors, references, unchecked } : { ast, errors, references };
}
