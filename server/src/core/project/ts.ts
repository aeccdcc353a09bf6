import { ts as api } from '@ts-morph/common';

/**
 * The TypeScript API bundled with ts-morph, bound once. Importing `ts` from '@ts-morph/common' directly makes
 * every `ts.isIdentifier(...)` in the bundle go through a CommonJS re-export getter, a measurable
 * share of the evaluator's time; this alias is a plain variable (and still the `ts` namespace for types).
 */
export import ts = api;
