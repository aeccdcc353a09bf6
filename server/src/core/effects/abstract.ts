import type { SourceRange } from '../model/types';
import { NOT_PRIMITIVE, primitive, truthiness, unknown, type UnknownValue, type Value } from '../evaluator/values';

/**
 * Values of the handler analysis are the evaluator's values plus two kinds of unknown it understands:
 *
 * - a *choice*: an unknown value with `alternatives`, each of which some execution path can
 *   produce (`cond ? A : B`, a helper returning on several paths). In an array's `unknowns`, it
 *   stands for elements that are each one of the alternatives (`users.map(convert)`).
 * - a *data read*: the value of `jobState.getData(key)` (or one of its properties), whose type is
 *   only known across steps.
 *
 * To the evaluator both are plain unknowns; the analysis never hands a choice to an evaluator
 * operation that could return it as the result of something else (`memberOf` returns an unknown
 * base as is): it maps operations over the alternatives itself, or passes `plain(v)`.
 */
export interface AbstractUnknown extends UnknownValue {
  alternatives?: Value[];
  data?: { key: string; path: string[] };
}

/** More alternatives than this say too little: the value becomes a plain unknown. */
export const CHOICE_LIMIT = 16;

export function alternativesOf(value: Value): Value[] | undefined {
  return value.k === 'unknown' ? (value as AbstractUnknown).alternatives : undefined;
}

export function dataOf(value: Value): { key: string; path: string[] } | undefined {
  return value.k === 'unknown' ? (value as AbstractUnknown).data : undefined;
}

/** The values `value` may be: its alternatives, or itself. */
export function choices(value: Value): Value[] {
  return alternativesOf(value) ?? [value];
}

/** The value as the evaluator should see it: a choice becomes a plain unknown. */
export function plain(value: Value): Value {
  if (value.k !== 'unknown') return value;
  const abstract = value as AbstractUnknown;
  if (!abstract.alternatives && !abstract.data) return value;
  return { k: 'unknown', reason: value.reason, at: value.at };
}

function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  if (a.k === 'undefined' || a.k === 'null') return true;
  const pa = primitive(a);
  return pa !== NOT_PRIMITIVE && pa === primitive(b);
}

/**
 * One value for "any of these": the single value when all are the same, a choice otherwise.
 * Plain unknowns stay among the alternatives: "A, or something the analysis does not know".
 */
export function join(values: Value[], reason: string, at?: SourceRange): Value {
  // Most joins are of one plain value (a function with one return, a member of a known object).
  if (values.length === 1 && !alternativesOf(values[0])) return values[0];
  const flat: Value[] = [];
  for (const value of values) {
    for (const option of choices(value)) {
      if (!flat.some((existing) => sameValue(existing, option))) flat.push(option);
    }
  }
  if (flat.length === 1) return flat[0];
  if (flat.length === 0) return { k: 'undefined', at };
  if (flat.length > CHOICE_LIMIT) return unknown(`${reason} (too many possibilities to follow)`, at);
  const result: AbstractUnknown = { k: 'unknown', reason, at, alternatives: flat };
  return result;
}

/** A data read: `jobState.getData(key)`, or `path` below it. */
export function dataValue(key: string, path: string[], at: SourceRange): AbstractUnknown {
  return { k: 'unknown', reason: `the value stored under '${key}' by another step`, at, data: { key, path } };
}

/** Truthiness over every alternative: known only when they all agree. */
export function truthOf(value: Value): boolean | undefined {
  const options = choices(value);
  let result: boolean | undefined;
  for (const option of options) {
    const t = truthiness(option);
    if (t === undefined) return undefined;
    if (result !== undefined && result !== t) return undefined;
    result = t;
  }
  return result;
}

/** Applies `fn` to every combination of the alternatives of `values` (bounded), joining the results. */
export function mapChoices(values: Value[], fn: (parts: Value[]) => Value, reason: string, at: SourceRange): Value {
  const lists = values.map(choices);
  let total = 1;
  for (const list of lists) total *= list.length;
  if (total === 1) return fn(values);
  if (total > CHOICE_LIMIT) return unknown(`${reason} (too many possibilities to follow)`, at);
  const results: Value[] = [];
  const walk = (index: number, picked: Value[]): void => {
    if (index === lists.length) {
      results.push(fn(picked));
      return;
    }
    for (const option of lists[index]) walk(index + 1, [...picked, option]);
  };
  walk(0, []);
  return join(results, reason, at);
}
