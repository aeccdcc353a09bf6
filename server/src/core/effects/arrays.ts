import type { SourceRange } from '../model/types';
import { str, unknown, type ArrayValue, type Value } from '../evaluator/values';
import { alternativesOf, join, type AbstractUnknown } from './abstract';

/**
 * The values an element of `array` may have: its known items, and for each run of unknown
 * elements either the alternatives it is known to hold or a plain unknown.
 */
export function elementChoices(array: ArrayValue): Value[] {
  const out: Value[] = array.items.map((i) => i.value);
  for (const run of array.unknowns) {
    const alternatives = (run as AbstractUnknown).alternatives;
    if (alternatives) out.push(...alternatives);
    else out.push({ k: 'unknown', reason: run.reason, at: run.at });
  }
  return out;
}

/** A list of unknown length whose elements are each one of `elements`. */
export function listOf(elements: Value[], reason: string, at: SourceRange): ArrayValue {
  const element = join(elements, reason, at);
  const run: AbstractUnknown =
    element.k === 'unknown' ? { ...element, reason, at, index: 0 } : { k: 'unknown', reason, at, index: 0, alternatives: [element] };
  return { k: 'array', items: [], unknowns: elements.length ? [run] : [], at };
}

/** `[...value]` appended to `target`, keeping what is known about the elements. */
export function appendSpread(target: ArrayValue, value: Value, at: SourceRange): void {
  const offset = target.items.length;
  const options = alternativesOf(value);
  if (options) {
    // One of several lists: the elements are each one of all their elements.
    const elements: Value[] = [];
    for (const option of options) {
      if (option.k === 'array') elements.push(...elementChoices(option));
      else if (option.k === 'unknown') elements.push(option);
    }
    const run = listOf(elements, 'elements of one of several lists', at).unknowns[0];
    if (run) target.unknowns.push({ ...run, index: offset });
    return;
  }
  if (value.k === 'array') {
    target.unknowns.push(...value.unknowns.map((u) => ({ ...u, index: offset + (u.index ?? value.items.length) })));
    target.items.push(...value.items);
  } else if (value.k === 'string') {
    for (const ch of value.v) target.items.push({ value: str(ch, at), at });
  } else if (value.k === 'unknown') {
    target.unknowns.push({ k: 'unknown', reason: value.reason, at: value.at ?? at, index: offset });
  } else if (value.k !== 'undefined' && value.k !== 'null') {
    target.unknowns.push({ ...unknown(`a spread of a ${value.k} is not modelled`, at), index: offset });
  }
}
