import type { J1qlQuery } from './ast';

/**
 * A syntax error; offsets are UTF-16 indexes into the query string. The message uses the JupiterOne server's wording
 * (`Unexpected token "X"`, `Unexpected end of query, expected ...`); callers that know where the query sits add the
 * line and column. `expected` names what would have been valid there, for a fix hint.
 */
export interface J1qlError {
  message: string;
  start: number;
  end: number;
  expected?: string;
}

/**
 * A class or type named in FIND or a THAT step. snake_case is a `_type`, TitleCase a `_class` (FIND's value is
 * case-sensitive). Smart classes (`#Name`), `*` and template placeholders are not references.
 */
export interface J1qlReference {
  kind: 'type' | 'class';
  name: string;
  start: number;
  end: number;
  clause: 'find' | 'that';
}

export interface J1qlParseResult {
  /** The syntax tree, or undefined when the query has a syntax error. */
  ast: J1qlQuery | undefined;
  errors: J1qlError[];
  /** The references seen, also those before a syntax error. */
  references: J1qlReference[];
  /** Set for a form the parser knows exists but does not check (`FIND SHORTEST PATH`): no errors, no references. */
  unchecked?: string;
}
