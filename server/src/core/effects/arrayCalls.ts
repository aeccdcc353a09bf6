import { num, truthiness, unknown, type ArrayValue, type FunctionValue, type Item, type Value } from '../evaluator/values';
import type { SourceRange } from '../model/types';
import { choices, join } from './abstract';
import { appendSpread, elementChoices, listOf } from './arrays';
import type { Walker } from './walker';

/** List methods that call back: the walker runs the callbacks itself, so their effects are seen. */
export const ARRAY_CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'findIndex', 'some', 'every', 'flatMap', 'reduce', 'sort']);

export function arrayCallbackMethod(w: Walker, array: ArrayValue, method: string, args: Value[], at: SourceRange): Value {
  const [callback, initial] = args;
  const fns = choices(callback ?? { k: 'undefined' }).filter((f): f is FunctionValue => f.k === 'function');
  for (const other of choices(callback ?? { k: 'undefined' })) if (other.k !== 'function' && other.k !== 'undefined') w.escape(other, at, `given to '${method}'`);
  if (!fns.length) return method === 'sort' ? array : unknown(`'${method}' with a callback the analysis does not know`, at);
  // A known list is walked element by element, within the walker's budget for loop nests (Walker.mayUnroll).
  const known = !array.unknowns.length && w.mayUnroll(array.items.length);

  // Each element goes through every callback the value may be.
  const run = (item: Value, index: Value, extra: Value[] = []): Value =>
    join(fns.map((fn) => (known ? w.callFunction(fn, [...extra, item, index, array], at) : w.callback(fn, [...extra, item, index, array], at))), 'the callback result differs between paths', at);

  if (method === 'reduce') {
    if (!known) {
      const element = join(elementChoices(array), 'an element of the list', at);
      run(element, unknown('an index', at), [join([initial ?? unknown('the accumulator', at), unknown('the accumulator', at)], 'the accumulator', at)]);
      return unknown('the result of reduce over a list known only at run time', at);
    }
    let items = array.items;
    let acc: Value;
    if (initial) acc = initial;
    else {
      if (!items.length) return unknown('reduce of an empty list throws', at);
      acc = items[0].value;
      items = items.slice(1);
    }
    w.unrolling(items.length, () =>
      items.forEach((item, index) => {
        acc = run(item.value, num(index, at), [acc]);
      }),
    );
    return acc;
  }

  if (!known) {
    const element = join(elementChoices(array), 'an element of the list', at);
    const result = run(element, unknown('an index', at));
    switch (method) {
      case 'map':
        return w.own(listOf([result], 'results of a callback over a list known only at run time', at));
      case 'flatMap': {
        const out = w.own<ArrayValue>({ k: 'array', items: [], unknowns: [], at });
        appendSpread(out, w.own(listOf(flatElements(result), 'results of a callback over a list known only at run time', at)), at);
        return out;
      }
      case 'filter':
        return w.own(listOf(elementChoices(array), 'the elements a filter keeps', at));
      case 'find':
      case 'findLast':
        return join([element, { k: 'undefined', at }], 'an element found at run time', at);
      case 'sort':
        return array;
      case 'forEach':
        return { k: 'undefined', at };
      default:
        return unknown(`the result of '${method}' over a list known only at run time`, at);
    }
  }

  const results = w.unrolling(array.items.length, () => array.items.map((item, index) => run(item.value, num(index, at))));
  switch (method) {
    case 'map':
      return w.own<ArrayValue>({ k: 'array', items: results.map((value, i) => ({ value, at: array.items[i].at })), unknowns: [], at });
    case 'flatMap': {
      const out = w.own<ArrayValue>({ k: 'array', items: [], unknowns: [], at });
      for (const result of results) {
        if (result.k === 'array') appendSpread(out, result, at);
        else if (result.k === 'unknown') appendSpread(out, w.own(listOf(flatElements(result), 'a callback result', at)), at);
        else out.items.push({ value: result, at: result.at });
      }
      return out;
    }
    case 'filter': {
      const kept: Item[] = [];
      let exact = true;
      array.items.forEach((item, i) => {
        const keep = truthOf(results[i]);
        if (keep === undefined) exact = false;
        if (keep !== false) kept.push(item);
      });
      return w.own(exact ? { k: 'array', items: kept, unknowns: [], at } : listOf(kept.map((i) => i.value), 'the elements a filter keeps', at));
    }
    case 'find':
    case 'findLast': {
      const hits = array.items.filter((_, i) => truthOf(results[i]) !== false).map((i) => i.value);
      const certain = array.items.some((_, i) => truthOf(results[i]) === true);
      return join(certain ? hits : [...hits, { k: 'undefined', at }], 'an element found at run time', at);
    }
    case 'sort':
      return array;
    case 'forEach':
      return { k: 'undefined', at };
    default:
      return unknown(`the result of '${method}'`, at);
  }
}

function truthOf(value: Value): boolean | undefined {
  const options = choices(value);
  const truths = new Set(options.map(truthiness));
  return truths.size === 1 ? [...truths][0] : undefined;
}

/** The elements a flatMap callback result contributes: a list's elements, or the value itself. */
function flatElements(result: Value): Value[] {
  return choices(result).flatMap((r) => (r.k === 'array' ? elementChoices(r) : [r]));
}
