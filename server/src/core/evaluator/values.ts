import type { ts } from '@ts-morph/common';
import type { SourceRange } from '../model/types';
import type { Scope } from './scope';

/**
 * Static values. `at` is where the value was created (the literal, the call): its origin.
 * Where a value is *used* is tracked by the containers (object properties, array items).
 */
export type Value =
  | StringValue
  | NumberValue
  | BooleanValue
  | { k: 'undefined'; at?: SourceRange }
  | { k: 'null'; at?: SourceRange }
  | ObjectValue
  | ArrayValue
  | FunctionValue
  | BuiltinValue
  | RegExpValue
  | CollectionValue
  | UnknownValue;

export interface StringValue { k: 'string'; v: string; at?: SourceRange }
export interface NumberValue { k: 'number'; v: number; at?: SourceRange }
export interface BooleanValue { k: 'boolean'; v: boolean; at?: SourceRange }
export interface RegExpValue { k: 'regexp'; v: RegExp; at?: SourceRange }

/** A property whose value is computed on first read: constants files hold large schemas nobody reads. */
export interface Prop {
  /** Where the key is written. */
  keyAt?: SourceRange;
  /** Where the value expression is written (the use site). */
  valueAt?: SourceRange;
  get(): Value;
  /** A getter: read again on each access, and copied by value when spread. */
  accessor?: boolean;
  /** False for properties that Object.keys/values/entries and spreads skip (class methods, `name`). */
  enumerable?: false;
}

export interface ObjectValue {
  k: 'object';
  props: Map<string, Prop>;
  /**
   * Set when an unknown spread or computed key may have added properties after the known ones.
   * Reading a key that is not in `props` then gives this unknown instead of `undefined`.
   */
  open?: UnknownValue;
  /** Set when the object is a class constructor (its static members are the properties). */
  className?: string;
  at?: SourceRange;
}

export interface Item {
  value: Value;
  /** Where the element expression is written (the use site). */
  at?: SourceRange;
}

export interface ArrayValue {
  k: 'array';
  items: Item[];
  /** Elements the evaluator could not determine (an unknown spread); the list is then incomplete. */
  unknowns: UnknownValue[];
  at?: SourceRange;
}

export type FunctionNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.GetAccessorDeclaration;

export interface FunctionValue {
  k: 'function';
  node: FunctionNode;
  scope: Scope;
  name?: string;
  at?: SourceRange;
}

export interface CallContext {
  at: SourceRange;
  call(fn: Value, args: Value[], at: SourceRange): Value;
}

/** A function of the SDK, the data model or the JavaScript runtime, evaluated natively. */
export interface BuiltinValue {
  k: 'builtin';
  name: string;
  call?(args: Value[], ctx: CallContext, self?: Value): Value;
  /** `new X(...)` of a modelled global constructor (`Set`, `Map`). */
  construct?(args: Value[], ctx: CallContext): Value;
  /** Properties of the builtin (e.g. `Object.values`). */
  props?: Map<string, Value>;
  at?: SourceRange;
}

/** A key of a modelled Set or Map: primitives only, compared with SameValueZero as JavaScript does. */
export type CollectionKey = string | number | boolean | null | undefined;

export interface CollectionEntry {
  key: Value;
  value: Value;
  at?: SourceRange;
}

/**
 * A `Set` or `Map` whose keys are known primitives. The JavaScript Map behind it keeps insertion order
 * and SameValueZero key equality. Once something the analysis cannot follow is added, `lost` says
 * why and every read of the contents is unknown.
 */
export interface CollectionValue {
  k: 'collection';
  kind: 'Set' | 'Map';
  entries: Map<CollectionKey, CollectionEntry>;
  lost?: UnknownValue;
  at?: SourceRange;
}

export interface UnknownValue {
  k: 'unknown';
  reason: string;
  at?: SourceRange;
  /** In `ArrayValue.unknowns`: how many known items precede it. */
  index?: number;
}

export function unknown(reason: string, at?: SourceRange): UnknownValue {
  return { k: 'unknown', reason, at };
}

export function str(v: string, at?: SourceRange): StringValue {
  return { k: 'string', v, at };
}

export function num(v: number, at?: SourceRange): NumberValue {
  return { k: 'number', v, at };
}

export function bool(v: boolean, at?: SourceRange): BooleanValue {
  return { k: 'boolean', v, at };
}

export const UNDEFINED: Value = { k: 'undefined' };

export function constProp(value: Value, keyAt?: SourceRange, valueAt?: SourceRange): Prop {
  return { keyAt, valueAt, get: () => value };
}

export function objectOf(entries: Record<string, Value>, at?: SourceRange): ObjectValue {
  const props = new Map<string, Prop>();
  for (const [key, value] of Object.entries(entries)) props.set(key, constProp(value));
  return { k: 'object', props, at };
}

export function arrayOf(values: Value[], at?: SourceRange): ArrayValue {
  return { k: 'array', items: values.map((value) => ({ value, at: value.at })), unknowns: [], at };
}

/** JavaScript truthiness, or undefined when the value is not statically known. */
export function truthiness(value: Value): boolean | undefined {
  switch (value.k) {
    case 'string':
      return value.v !== '';
    case 'number':
      return value.v !== 0 && !Number.isNaN(value.v);
    case 'boolean':
      return value.v;
    case 'undefined':
    case 'null':
      return false;
    case 'unknown':
      return undefined;
    default:
      return true;
  }
}

/** Converts a primitive to the JavaScript value, for string building and comparisons. */
export function primitive(value: Value): string | number | boolean | undefined | null | typeof NOT_PRIMITIVE {
  switch (value.k) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.v;
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    default:
      return NOT_PRIMITIVE;
  }
}

export const NOT_PRIMITIVE = Symbol('not-primitive');

export function fromPrimitive(v: unknown, at?: SourceRange): Value {
  if (typeof v === 'string') return str(v, at);
  if (typeof v === 'number') return num(v, at);
  if (typeof v === 'boolean') return bool(v, at);
  if (v === null) return { k: 'null', at };
  if (v === undefined) return { k: 'undefined', at };
  return unknown('a value the evaluator does not model', at);
}

export function getProp(obj: ObjectValue, key: string): Value | undefined {
  const prop = obj.props.get(key);
  if (prop) return prop.get();
  return obj.open;
}
