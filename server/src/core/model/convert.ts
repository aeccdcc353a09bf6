import type { FunctionValue, Prop, Value, UnknownValue } from '../evaluator/values';
import type { FunctionRef, Known, ListModel, Resolved, SourceRange, Unknown } from './types';

/** Turns evaluator values into model fields, keeping where each value is used and where it was written. */
export class Converter {
  readonly unresolved: Unknown[] = [];
  /** The evaluator's function value behind each step's executionHandler, for analyses of handler bodies. */
  readonly handlers = new Map<object, FunctionValue>();
  /** The function values behind invocationConfig hooks (getStepStartStates, ...). */
  readonly hooks = new Map<string, FunctionValue>();

  unknownOf(value: UnknownValue, fallback: SourceRange): Unknown {
    const result: Unknown = { kind: 'unknown', reason: value.reason, range: value.at ?? fallback };
    this.unresolved.push(result);
    return result;
  }

  problem(reason: string, range: SourceRange): Unknown {
    const result: Unknown = { kind: 'unknown', reason, range };
    this.unresolved.push(result);
    return result;
  }

  private known<T>(value: T, use: SourceRange, origin: SourceRange | undefined): Known<T> {
    const known: Known<T> = { kind: 'known', value, range: use };
    if (origin && (origin.file !== use.file || origin.start !== use.start)) known.origin = origin;
    return known;
  }

  string(value: Value, use: SourceRange, what: string): Resolved<string> {
    if (value.k === 'string') return this.known(value.v, use, value.at);
    if (value.k === 'unknown') return this.unknownOf(value, use);
    return this.problem(`${what} is not a string (it is ${describe(value)})`, value.at ?? use);
  }

  boolean(value: Value, use: SourceRange, what: string): Resolved<boolean> {
    if (value.k === 'boolean') return this.known(value.v, use, value.at);
    if (value.k === 'unknown') return this.unknownOf(value, use);
    return this.problem(`${what} is not a boolean (it is ${describe(value)})`, value.at ?? use);
  }

  stringOrList(value: Value, use: SourceRange, what: string): Resolved<string | string[]> {
    if (value.k === 'string') return this.known(value.v, use, value.at);
    if (value.k === 'array') {
      const out: string[] = [];
      if (value.unknowns.length) return this.unknownOf(value.unknowns[0], use);
      for (const item of value.items) {
        if (item.value.k === 'unknown') return this.unknownOf(item.value, item.at ?? use);
        if (item.value.k !== 'string') return this.problem(`${what} has an element that is not a string`, item.at ?? use);
        out.push(item.value.v);
      }
      return this.known(out, use, value.at);
    }
    if (value.k === 'unknown') return this.unknownOf(value, use);
    return this.problem(`${what} is not a string or a list of strings`, value.at ?? use);
  }

  /** An optional field: undefined when absent (or explicitly `undefined`). */
  optional<T>(prop: Prop | undefined, fallback: SourceRange, convert: (value: Value, use: SourceRange) => Resolved<T>): Resolved<T> | undefined {
    if (!prop) return undefined;
    const value = prop.get();
    if (value.k === 'undefined') return undefined;
    return convert(value, prop.valueAt ?? value.at ?? fallback);
  }

  list<T>(value: Value | undefined, use: SourceRange, convertItem: (item: Value, at: SourceRange) => T | undefined): ListModel<T> {
    if (!value || value.k === 'undefined') return { items: [], complete: true, unknowns: [] };
    if (value.k === 'unknown') {
      return { items: [], complete: false, unknowns: [this.unknownOf(value, use)], range: use };
    }
    if (value.k !== 'array') {
      return { items: [], complete: false, unknowns: [this.problem(`expected a list, found ${describe(value)}`, value.at ?? use)], range: use };
    }
    const list: ListModel<T> = { items: [], complete: value.unknowns.length === 0, unknowns: [], range: use };
    const spreads = [...value.unknowns].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const flushSpreads = (upTo: number) => {
      while (spreads.length && (spreads[0].index ?? Infinity) <= upTo) {
        list.unknowns.push({ ...this.unknownOf(spreads.shift() as UnknownValue, use), index: list.items.length });
      }
    };
    value.items.forEach((item, position) => {
      flushSpreads(position);
      if (item.value.k === 'unknown') {
        list.complete = false;
        list.unknowns.push({ ...this.unknownOf(item.value, item.at ?? use), index: list.items.length });
        return;
      }
      const converted = convertItem(item.value, item.at ?? item.value.at ?? use);
      if (converted === undefined) list.complete = false;
      else list.items.push(converted);
    });
    flushSpreads(Infinity);
    for (const rest of spreads) list.unknowns.push({ ...this.unknownOf(rest, use), index: list.items.length });
    return list;
  }

  functionRef(value: Value, use: SourceRange): FunctionRef | Unknown {
    if (value.k === 'function') {
      const ref: FunctionRef = { kind: 'function', name: value.name, range: value.at ?? use };
      const wraps = wrappedFunctions(value);
      if (wraps.length) ref.wraps = wraps.map((f) => ({ kind: 'function', name: f.name, range: f.at ?? use }));
      return ref;
    }
    if (value.k === 'unknown') return this.unknownOf(value, use);
    return this.problem(`expected a function, found ${describe(value)}`, value.at ?? use);
  }
}

export function describe(value: Value): string {
  switch (value.k) {
    case 'string':
      return `the string '${value.v}'`;
    case 'number':
    case 'boolean':
      return `${value.k} ${value.v}`;
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'builtin':
      return `the function ${value.name}`;
    default:
      return value.k;
  }
}

/**
 * The functions a wrapper closure ultimately calls: wrappers of wrappers are followed down to
 * functions declared at module level (the step's own handler).
 */
function wrappedFunctions(fn: FunctionValue): FunctionValue[] {
  const seen = new Set<FunctionValue>([fn]);
  const all: FunctionValue[] = [];
  const queue = [fn];
  while (queue.length) {
    const current = queue.shift() as FunctionValue;
    for (const captured of current.scope.capturedFunctions()) {
      if (captured.k !== 'function' || seen.has(captured)) continue;
      seen.add(captured);
      all.push(captured);
      queue.push(captured);
    }
  }
  const declared = all.filter((f) => f.scope.parent === undefined);
  return declared.length ? declared : all;
}
