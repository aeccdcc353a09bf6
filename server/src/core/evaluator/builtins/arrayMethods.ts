import type { SourceRange } from '../../model/types';
import type { Evaluator } from '../evaluator';
import {
  fromPrimitive,
  NOT_PRIMITIVE,
  primitive,
  truthiness,
  unknown,
  type ArrayValue,
  type BuiltinValue,
  type Item,
  type UnknownValue,
  type Value,
} from '../values';
import { spreadItems } from '../expressions';

type Method = (ev: Evaluator, array: ArrayValue, args: Value[], at: SourceRange) => Value;

function incomplete(array: ArrayValue, at: SourceRange): Value | undefined {
  if (!array.unknowns.length) return undefined;
  const first = array.unknowns[0];
  return unknown(first.reason, first.at ?? at);
}

function num(n: number, at: SourceRange): Value {
  return fromPrimitive(n, at);
}

/** Maps each element; element-wise methods keep the list's unknown elements unknown. */
function mapItems(ev: Evaluator, array: ArrayValue, fn: Value, at: SourceRange): ArrayValue {
  const items: Item[] = array.items.map((item, index) => ({
    value: ev.call(fn, [item.value, num(index, at), array], item.at ?? at),
    at: item.at,
  }));
  return { k: 'array', items, unknowns: [...array.unknowns], at };
}

const methods: Record<string, Method> = {
  map: (ev, array, [fn], at) => mapItems(ev, array, fn, at),
  forEach: (ev, array, [fn], at) => {
    const blocked = incomplete(array, at);
    if (blocked) return blocked;
    const result = mapItems(ev, array, fn, at);
    const failed = result.items.find((i) => i.value.k === 'unknown');
    return failed ? failed.value : { k: 'undefined', at };
  },
  filter: (ev, array, [fn], at) => {
    const items: Item[] = [];
    for (const [index, item] of array.items.entries()) {
      const keep = truthiness(ev.call(fn, [item.value, num(index, at), array], item.at ?? at));
      if (keep === undefined) return unknown('filter condition known only at run time', item.at ?? at);
      if (keep) items.push(item);
    }
    return { k: 'array', items, unknowns: [...array.unknowns], at };
  },
  flatMap: (ev, array, [fn], at) => flatten(mapItems(ev, array, fn, at), 1, at),
  flat: (_ev, array, [depth], at) => flatten(array, depth?.k === 'number' ? depth.v : 1, at),
  concat: (ev, array, args, at) => {
    const result: ArrayValue = { k: 'array', items: [...array.items], unknowns: [...array.unknowns], at };
    for (const arg of args) {
      if (arg.k === 'array' || arg.k === 'unknown') spreadItems(ev, result, arg, at);
      else result.items.push({ value: arg, at: arg.at });
    }
    return result;
  },
  slice: (_ev, array, [start, end], at) => {
    const blocked = incomplete(array, at);
    if (blocked) return blocked;
    const s = start?.k === 'number' ? start.v : 0;
    const e = end?.k === 'number' ? end.v : undefined;
    return { k: 'array', items: array.items.slice(s, e), unknowns: [], at };
  },
  find: (ev, array, [fn], at) => {
    for (const [index, item] of array.items.entries()) {
      const hit = truthiness(ev.call(fn, [item.value, num(index, at), array], item.at ?? at));
      if (hit === undefined) return unknown('find condition known only at run time', item.at ?? at);
      if (hit) return item.value;
    }
    return incomplete(array, at) ?? { k: 'undefined', at };
  },
  some: (ev, array, [fn], at) => {
    for (const [index, item] of array.items.entries()) {
      const hit = truthiness(ev.call(fn, [item.value, num(index, at), array], item.at ?? at));
      if (hit === undefined) return unknown('condition known only at run time', item.at ?? at);
      if (hit) return fromPrimitive(true, at);
    }
    return incomplete(array, at) ?? fromPrimitive(false, at);
  },
  every: (ev, array, [fn], at) => {
    for (const [index, item] of array.items.entries()) {
      const hit = truthiness(ev.call(fn, [item.value, num(index, at), array], item.at ?? at));
      if (hit === undefined) return unknown('condition known only at run time', item.at ?? at);
      if (!hit) return fromPrimitive(false, at);
    }
    return incomplete(array, at) ?? fromPrimitive(true, at);
  },
  includes: (_ev, array, [needle], at) => {
    const n = needle ? primitive(needle) : undefined;
    if (n === NOT_PRIMITIVE) return unknown('includes() of a non-primitive', at);
    if (array.items.some((i) => primitive(i.value) === n)) return fromPrimitive(true, at);
    if (array.unknowns.length || array.items.some((i) => i.value.k === 'unknown')) return unknown('list with unknown elements', at);
    return fromPrimitive(false, at);
  },
  indexOf: (_ev, array, [needle], at) => {
    const blocked = incomplete(array, at);
    if (blocked) return blocked;
    const n = needle ? primitive(needle) : undefined;
    return num(array.items.findIndex((i) => primitive(i.value) === n), at);
  },
  join: (_ev, array, [separator], at) => {
    const blocked = incomplete(array, at);
    if (blocked) return blocked;
    const parts: string[] = [];
    for (const item of array.items) {
      const p = primitive(item.value);
      if (p === NOT_PRIMITIVE) return unknown('join() of non-primitive elements', at);
      parts.push(p === null || p === undefined ? '' : String(p));
    }
    return fromPrimitive(parts.join(separator?.k === 'string' ? separator.v : ','), at);
  },
  reduce: (ev, array, [fn, initial], at) => {
    const blocked = incomplete(array, at);
    if (blocked) return blocked;
    let items = array.items;
    let acc: Value;
    if (initial) acc = initial;
    else {
      if (!items.length) return unknown('reduce of an empty list throws', at);
      acc = items[0].value;
      items = items.slice(1);
    }
    for (const [index, item] of items.entries()) acc = ev.call(fn, [acc, item.value, num(index, at), array], item.at ?? at);
    return acc;
  },
  push: (_ev, array, args, at) => {
    array.items.push(...args.map((value) => ({ value, at: value.at })));
    return array.unknowns.length ? unknown('length of a list with unknown elements', at) : num(array.items.length, at);
  },
  unshift: (_ev, array, args, at) => {
    array.items.unshift(...args.map((value) => ({ value, at: value.at })));
    return num(array.items.length, at);
  },
  reverse: (_ev, array, _args, at) => {
    const blocked = incomplete(array, at);
    if (blocked) return blocked;
    array.items.reverse();
    return array;
  },
  findIndex: (ev, array, [fn], at) => {
    for (const [index, item] of array.items.entries()) {
      const hit = truthiness(ev.call(fn, [item.value, num(index, at), array], item.at ?? at));
      if (hit === undefined) return unknown('findIndex condition known only at run time', item.at ?? at);
      if (hit) return incomplete(array, at) ?? num(index, at);
    }
    return incomplete(array, at) ?? num(-1, at);
  },
  lastIndexOf: (_ev, array, [needle], at) => {
    const blocked = incomplete(array, at);
    if (blocked) return blocked;
    const n = needle ? primitive(needle) : undefined;
    if (n === NOT_PRIMITIVE || needle?.k === 'unknown') return unknown('lastIndexOf() of a value known only at run time', at);
    const values = array.items.map((i) => primitive(i.value));
    if (array.items.some((i) => i.value.k === 'unknown')) return unknown('list with unknown elements', at);
    return num(values.lastIndexOf(n), at);
  },
  at: (_ev, array, [index], at) => {
    const blocked = incomplete(array, at);
    if (blocked) return blocked;
    if (index && index.k !== 'number' && index.k !== 'undefined') return unknown('at() with an index that is not a known number', at);
    const i = index?.k === 'number' ? Math.trunc(index.v) : 0;
    return array.items.at(Number.isNaN(i) ? 0 : i)?.value ?? { k: 'undefined', at };
  },
  sort: (ev, array, [compare], at) => {
    const blocked = incomplete(array, at);
    if (blocked) return blocked;
    if (compare && compare.k !== 'undefined') {
      // The same engine's sort with the interpreted comparator: same calls, same order.
      let failed: Value | undefined;
      const sorted = [...array.items].sort((x, y) => {
        if (failed) return 0;
        const result = ev.call(compare, [x.value, y.value], at);
        const n = primitive(result);
        if (result.k === 'unknown' || n === NOT_PRIMITIVE) {
          failed = result.k === 'unknown' ? result : unknown('sort comparator result is not a number', at);
          return 0;
        }
        const v = Number(n);
        return Number.isNaN(v) ? 0 : v;
      });
      if (failed) return failed;
      array.items.splice(0, array.items.length, ...sorted);
      return array;
    }
    // Default order: undefined last, the rest by their string form in UTF-16 code units.
    const keys = new Map<Item, string | undefined>();
    for (const item of array.items) {
      const p = primitive(item.value);
      if (item.value.k === 'unknown' || p === NOT_PRIMITIVE) return unknown('sort() of elements that are not known primitives', item.at ?? at);
      keys.set(item, p === undefined ? undefined : String(p));
    }
    const sorted = [...array.items].sort((x, y) => {
      const a = keys.get(x);
      const b = keys.get(y);
      if (a === undefined) return b === undefined ? 0 : 1;
      if (b === undefined) return -1;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    array.items.splice(0, array.items.length, ...sorted);
    return array;
  },
  keys: (_ev, array, _args, at) => {
    const blocked = incomplete(array, at);
    if (blocked) return blocked;
    return { k: 'array', items: array.items.map((_i, index) => ({ value: num(index, at) })), unknowns: [], at };
  },
};

function flatten(array: ArrayValue, depth: number, at: SourceRange): ArrayValue {
  const result: ArrayValue = { k: 'array', items: [], unknowns: [], at };
  // Unknown runs of the outer list keep their place relative to the flattened items.
  const pending = [...array.unknowns].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const flushUntil = (index: number) => {
    while (pending.length && (pending[0].index ?? array.items.length) <= index) {
      result.unknowns.push({ ...(pending.shift() as UnknownValue), index: result.items.length });
    }
  };
  array.items.forEach((item, index) => {
    flushUntil(index);
    if (depth > 0 && item.value.k === 'array') {
      const inner = flatten(item.value, depth - 1, at);
      const offset = result.items.length;
      result.unknowns.push(...inner.unknowns.map((u) => ({ ...u, index: offset + (u.index ?? inner.items.length) })));
      result.items.push(...inner.items);
    } else if (depth > 0 && item.value.k === 'unknown') {
      result.unknowns.push({ ...item.value, index: result.items.length });
    } else {
      result.items.push(item);
    }
  });
  flushUntil(Number.POSITIVE_INFINITY);
  return result;
}

export function arrayMethod(ev: Evaluator, array: ArrayValue, name: string, at: SourceRange): BuiltinValue | undefined {
  const method = Object.prototype.hasOwnProperty.call(methods, name) ? methods[name] : undefined;
  if (!method) return undefined;
  return { k: 'builtin', name: `Array.prototype.${name}`, call: (args) => method(ev, array, args, at), at };
}
