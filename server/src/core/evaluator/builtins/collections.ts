import type { SourceRange } from '../../model/types';
import type { Evaluator } from '../evaluator';
import {
  fromPrimitive,
  NOT_PRIMITIVE,
  primitive,
  str,
  unknown,
  type ArrayValue,
  type BuiltinValue,
  type CallContext,
  type CollectionEntry,
  type CollectionKey,
  type CollectionValue,
  type Item,
  type UnknownValue,
  type Value,
} from '../values';

/**
 * The elements `for...of`, spreads and `Array.from` see when they iterate `value`: an array (with its
 * unknown runs), the elements of a Set, the `[key, value]` pairs of a Map, the characters of a string.
 * Unknown when the iteration is not statically known; undefined when the value is not iterable.
 */
export function iterationOf(value: Value, at: SourceRange): ArrayValue | UnknownValue | undefined {
  switch (value.k) {
    case 'array':
      return value;
    case 'string':
      return { k: 'array', items: [...value.v].map((ch) => ({ value: str(ch, at), at })), unknowns: [], at };
    case 'collection': {
      if (value.lost) return { ...value.lost, at: value.lost.at ?? at };
      const items: Item[] = [...value.entries.values()].map((entry) => ({
        value: value.kind === 'Set' ? entry.value : pair(entry.key, entry.value, entry.at ?? at),
        at: entry.at,
      }));
      return { k: 'array', items, unknowns: [], at };
    }
    case 'unknown':
      return value;
    default:
      return undefined;
  }
}

function pair(key: Value, value: Value, at: SourceRange): ArrayValue {
  return { k: 'array', items: [{ value: key, at }, { value, at }], unknowns: [], at };
}

/** The SameValueZero key of a value, or why it cannot be one (objects: identity is not modelled). */
function keyOf(value: Value | undefined): { key: CollectionKey } | { reason: string } {
  if (!value) return { key: undefined };
  if (value.k === 'unknown') return { reason: value.reason };
  const p = primitive(value);
  if (p === NOT_PRIMITIVE) return { reason: `a ${value.k} as a Set element or Map key (object identity is not modelled)` };
  // SameValueZero: -0 and +0 are one key (a JavaScript Map already treats NaN as one key).
  return { key: p === 0 ? 0 : p };
}

function lose(collection: CollectionValue, reason: string, at: SourceRange): void {
  collection.lost ??= unknown(reason, at);
}

function add(collection: CollectionValue, key: Value | undefined, value: Value, at: SourceRange): void {
  if (collection.lost) return;
  const k = keyOf(key);
  if ('reason' in k) return lose(collection, `the ${collection.kind} holds a value known only at run time (${k.reason})`, key?.at ?? at);
  const existing = collection.entries.get(k.key);
  // Map.set on an existing key keeps its position; Set.add keeps the first element.
  if (existing) {
    if (collection.kind === 'Map') existing.value = value;
    return;
  }
  collection.entries.set(k.key, { key: key ?? { k: 'undefined', at }, value, at: key?.at ?? at });
}

/** `new Set(iterable)` / `new Map(entries)`. */
export function construct(kind: 'Set' | 'Map', args: Value[], ctx: CallContext): Value {
  const collection: CollectionValue = { k: 'collection', kind, entries: new Map(), at: ctx.at };
  const source = args[0];
  if (!source || source.k === 'undefined' || source.k === 'null') return collection;
  const items = iterationOf(source, ctx.at);
  if (!items) return unknown(`new ${kind}() of a value that is not iterable would throw at run time`, ctx.at);
  if (items.k === 'unknown') return { ...items, at: items.at ?? ctx.at };
  if (items.unknowns.length) return unknown(items.unknowns[0].reason, items.unknowns[0].at ?? ctx.at);
  for (const item of items.items) {
    if (kind === 'Set') {
      add(collection, item.value, item.value, item.at ?? ctx.at);
      continue;
    }
    const entry = item.value;
    if (entry.k !== 'array' || entry.unknowns.length) {
      lose(collection, entry.k === 'unknown' ? entry.reason : 'a Map entry that is not a known [key, value] pair', item.at ?? ctx.at);
      continue;
    }
    add(collection, entry.items[0]?.value ?? { k: 'undefined' }, entry.items[1]?.value ?? { k: 'undefined', at: ctx.at }, item.at ?? ctx.at);
  }
  return collection;
}

type Method = (ev: Evaluator, collection: CollectionValue, args: Value[], at: SourceRange) => Value;

const contentsUnknown = (collection: CollectionValue, at: SourceRange): Value | undefined =>
  collection.lost ? { ...collection.lost, at: collection.lost.at ?? at } : undefined;

/** Reads an entry by key; a known object key is never found, since every key is a primitive. */
const lookup =
  (read: (collection: CollectionValue, entry: CollectionEntry | undefined, at: SourceRange) => Value): Method =>
  (_ev, collection, [key], at) => {
    const lost = contentsUnknown(collection, at);
    if (lost) return lost;
    if (key?.k === 'unknown') return { ...key, at: key.at ?? at };
    const k = keyOf(key);
    return read(collection, 'reason' in k ? undefined : collection.entries.get(k.key), at);
  };

const snapshot =
  (pick: (collection: CollectionValue, key: Value, value: Value, at: SourceRange) => Value): Method =>
  (_ev, collection, _args, at) => {
    const lost = contentsUnknown(collection, at);
    if (lost) return lost;
    // An iterator in JavaScript; modelled as the list it yields (what spreads and Array.from see).
    const items = [...collection.entries.values()].map((e) => ({ value: pick(collection, e.key, e.value, e.at ?? at), at: e.at }));
    return { k: 'array', items, unknowns: [], at };
  };

const METHODS: Record<string, Method> = {
  has: lookup((_c, entry, at) => fromPrimitive(entry !== undefined, at)),
  get: lookup((c, entry, at) => (c.kind === 'Map' ? entry?.value ?? { k: 'undefined', at } : unknown('Set.prototype.get does not exist', at))),
  add: (_ev, collection, [value], at) => {
    if (collection.kind !== 'Set') return unknown('Map.prototype.add does not exist', at);
    add(collection, value, value ?? { k: 'undefined', at }, at);
    return collection;
  },
  set: (_ev, collection, [key, value], at) => {
    if (collection.kind !== 'Map') return unknown('Set.prototype.set does not exist', at);
    add(collection, key, value ?? { k: 'undefined', at }, at);
    return collection;
  },
  delete: (_ev, collection, [key], at) => {
    const lost = contentsUnknown(collection, at);
    if (lost) return lost;
    const k = keyOf(key);
    if ('reason' in k) {
      if (key?.k === 'unknown') lose(collection, `delete() of a value known only at run time`, at);
      return key?.k === 'unknown' ? unknown(k.reason, at) : fromPrimitive(false, at);
    }
    return fromPrimitive(collection.entries.delete(k.key), at);
  },
  clear: (_ev, collection, _args, at) => {
    collection.entries.clear();
    collection.lost = undefined;
    return { k: 'undefined', at };
  },
  keys: snapshot((_c, key) => key),
  values: snapshot((_c, _key, value) => value),
  entries: snapshot((c, key, value, at) => (c.kind === 'Set' ? pair(value, value, at) : pair(key, value, at))),
  forEach: (ev, collection, [fn], at) => {
    const lost = contentsUnknown(collection, at);
    if (lost) return lost;
    for (const entry of [...collection.entries.values()]) {
      const result = ev.call(fn ?? { k: 'undefined' }, [entry.value, entry.key, collection], entry.at ?? at);
      if (result.k === 'unknown') return result;
    }
    return { k: 'undefined', at };
  },
};

/** `set.size`, `map.get(k)`, ... for a modelled collection. */
export function collectionMember(ev: Evaluator, collection: CollectionValue, key: string, at: SourceRange): Value {
  if (key === 'size') return contentsUnknown(collection, at) ?? fromPrimitive(collection.entries.size, at);
  const method = Object.prototype.hasOwnProperty.call(METHODS, key) ? METHODS[key] : undefined;
  if (!method) return { k: 'undefined', at };
  const name = `${collection.kind}.prototype.${key}`;
  const builtin: BuiltinValue = { k: 'builtin', name, call: (args, ctx) => method(ev, collection, args, ctx.at), at };
  return builtin;
}

/** `Array.from(iterable, mapFn?)`. */
export function arrayFrom(args: Value[], ctx: CallContext): Value {
  const [source, mapFn] = args;
  if (!source || source.k === 'undefined' || source.k === 'null') return unknown('Array.from() of undefined would throw at run time', ctx.at);
  const items = iterationOf(source, ctx.at);
  if (!items) return unknown(`Array.from() of a ${source.k} is not modelled`, ctx.at);
  if (items.k === 'unknown') return { ...items, at: items.at ?? ctx.at };
  const result: ArrayValue = { k: 'array', items: [...items.items], unknowns: [...items.unknowns], at: ctx.at };
  if (!mapFn || mapFn.k === 'undefined') return result;
  if (result.unknowns.length) return unknown(result.unknowns[0].reason, result.unknowns[0].at ?? ctx.at);
  result.items = result.items.map((item, index) => ({
    value: ctx.call(mapFn, [item.value, fromPrimitive(index, ctx.at)], item.at ?? ctx.at),
    at: item.at,
  }));
  return result;
}
