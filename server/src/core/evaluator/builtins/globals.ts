import type { SourceRange } from '../../model/types';
import {
  fromPrimitive,
  NOT_PRIMITIVE,
  primitive,
  truthiness,
  unknown,
  type ArrayValue,
  type BuiltinValue,
  type ObjectValue,
  type Prop,
  type Value,
} from '../values';
import { spreadInto } from '../expressions';
import { arrayFrom, construct, iterationOf } from './collections';

function builtin(name: string, call: BuiltinValue['call'], props?: Record<string, Value>): BuiltinValue {
  return { k: 'builtin', name, call, props: props ? new Map(Object.entries(props)) : undefined };
}

function entriesOf(value: Value, at: SourceRange): Array<[string, Prop]> | Value {
  if (value.k === 'object') {
    if (value.open) return unknown(value.open.reason, value.open.at ?? at);
    return [...value.props.entries()].filter(([, prop]) => prop.enumerable !== false);
  }
  if (value.k === 'array') {
    if (value.unknowns.length) return unknown(value.unknowns[0].reason, value.unknowns[0].at ?? at);
    return value.items.map((item, index) => [String(index), { valueAt: item.at, get: () => item.value }]);
  }
  if (value.k === 'unknown') return value;
  return [];
}

/** Object.values/keys/entries list own enumerable keys: integer-like keys first in ascending order, as JavaScript does. */
function jsKeyOrder(entries: Array<[string, Prop]>): Array<[string, Prop]> {
  const isIndex = (k: string) => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;
  const indices = entries.filter(([k]) => isIndex(k)).sort((a, b) => Number(a[0]) - Number(b[0]));
  return [...indices, ...entries.filter(([k]) => !isIndex(k))];
}

function listOf(values: Array<{ value: Value; at?: SourceRange }>, at: SourceRange): ArrayValue {
  return { k: 'array', items: values, unknowns: [], at };
}

const objectGlobal = builtin('Object', undefined, {
  values: builtin('Object.values', ([target], ctx) => {
    const entries = entriesOf(target ?? { k: 'undefined' }, ctx.at);
    if (!Array.isArray(entries)) return entries;
    return listOf(jsKeyOrder(entries).map(([, prop]) => ({ value: prop.get(), at: prop.valueAt })), ctx.at);
  }),
  keys: builtin('Object.keys', ([target], ctx) => {
    const entries = entriesOf(target ?? { k: 'undefined' }, ctx.at);
    if (!Array.isArray(entries)) return entries;
    return listOf(jsKeyOrder(entries).map(([key, prop]) => ({ value: fromPrimitive(key, prop.keyAt ?? ctx.at), at: prop.keyAt })), ctx.at);
  }),
  entries: builtin('Object.entries', ([target], ctx) => {
    const entries = entriesOf(target ?? { k: 'undefined' }, ctx.at);
    if (!Array.isArray(entries)) return entries;
    return listOf(
      jsKeyOrder(entries).map(([key, prop]) => ({
        value: listOf([{ value: fromPrimitive(key, prop.keyAt ?? ctx.at), at: prop.keyAt }, { value: prop.get(), at: prop.valueAt }], ctx.at),
        at: prop.valueAt,
      })),
      ctx.at,
    );
  }),
  assign: builtin('Object.assign', ([target, ...sources], ctx) => {
    if (!target || target.k !== 'object') return target?.k === 'unknown' ? target : unknown('Object.assign on a non-object', ctx.at);
    for (const source of sources) spreadInto(target, source, ctx.at);
    return target;
  }),
  freeze: builtin('Object.freeze', ([target]) => target ?? { k: 'undefined' }),
  fromEntries: builtin('Object.fromEntries', ([source], ctx) => {
    const list = source ? iterationOf(source, ctx.at) : undefined;
    if (!list || list.k !== 'array') return list?.k === 'unknown' ? list : unknown('Object.fromEntries of a non-list', ctx.at);
    if (list.unknowns.length) return unknown(list.unknowns[0].reason, list.unknowns[0].at ?? ctx.at);
    const result: ObjectValue = { k: 'object', props: new Map(), at: ctx.at };
    for (const item of list.items) {
      const pair = item.value;
      if (pair.k !== 'array' || pair.items.length < 2) return unknown('entry known only at run time', item.at ?? ctx.at);
      const key = primitive(pair.items[0].value);
      if (key === NOT_PRIMITIVE || pair.items[0].value.k === 'unknown') return unknown('entry key known only at run time', item.at ?? ctx.at);
      const value = pair.items[1].value;
      result.props.set(String(key), { keyAt: pair.items[0].at, valueAt: pair.items[1].at, get: () => value });
    }
    return result;
  }),
});

/** `Set` / `Map`: `new` builds a modelled collection; calling them without `new` throws. */
function constructor(kind: 'Set' | 'Map'): BuiltinValue {
  return {
    k: 'builtin',
    name: kind,
    call: (_args, ctx) => unknown(`${kind}() without new would throw at run time`, ctx.at),
    construct: (args, ctx) => construct(kind, args, ctx),
  };
}

const runtimeOnly = (name: string, what: string): BuiltinValue =>
  builtin(name, (_args, ctx) => unknown(`${what} is only known at run time`, ctx.at));

const GLOBALS: Record<string, Value> = {
  Object: objectGlobal,
  Array: builtin('Array', undefined, {
    isArray: builtin('Array.isArray', ([v], ctx) => (v?.k === 'unknown' ? v : fromPrimitive(v?.k === 'array', ctx.at))),
    from: builtin('Array.from', arrayFrom),
  }),
  Set: constructor('Set'),
  Map: constructor('Map'),
  String: builtin('String', ([v], ctx) => {
    if (v?.k === 'unknown') return { ...v, at: v.at ?? ctx.at };
    const p = v ? primitive(v) : '';
    return p === NOT_PRIMITIVE ? unknown('String() of a value known only at run time', ctx.at) : fromPrimitive(String(p), ctx.at);
  }),
  Number: builtin('Number', ([v], ctx) => {
    if (v?.k === 'unknown') return { ...v, at: v.at ?? ctx.at };
    const p = v ? primitive(v) : 0;
    return p === NOT_PRIMITIVE ? unknown('Number() of a value known only at run time', ctx.at) : fromPrimitive(Number(p), ctx.at);
  }),
  Boolean: builtin('Boolean', ([v], ctx) => {
    const t = v ? truthiness(v) : false;
    return t === undefined ? unknown('Boolean() of a value known only at run time', ctx.at) : fromPrimitive(t, ctx.at);
  }),
  process: builtin('process', undefined, {
    env: { k: 'unknown', reason: 'process.env is only known at run time' },
    argv: { k: 'unknown', reason: 'process.argv is only known at run time' },
  }),
  Math: builtin('Math', undefined, {
    random: runtimeOnly('Math.random', 'Math.random()'),
  }),
  Date: builtin('Date', undefined, { now: runtimeOnly('Date.now', 'Date.now()') }),
};

/** A global the integration uses without declaring it; unmodelled globals are unknown, never guessed. */
export function globalValue(name: string, at: SourceRange): Value {
  const value = Object.prototype.hasOwnProperty.call(GLOBALS, name) ? GLOBALS[name] : undefined;
  if (!value) return unknown(`'${name}' is not defined in the analysed code (a global or a runtime value)`, at);
  if (value.k === 'builtin' && value.props) {
    // Give nested unknowns (process.env) the location of the use.
    const withAt = new Map<string, Value>();
    for (const [key, prop] of value.props) withAt.set(key, prop.k === 'unknown' ? { ...prop, at } : prop);
    return { ...value, props: withAt, at };
  }
  return value;
}
