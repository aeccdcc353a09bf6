import { ts } from '../project/ts';
import type { Evaluator } from './evaluator';
import type { ModuleRecord } from './moduleRecord';
import type { Scope } from './scope';
import { unknown, UNDEFINED, type Prop, type Value } from './values';
import { memberOf } from './members';

/**
 * Declares the names of a binding (identifier or destructuring pattern) lazily: each name reads
 * its part of `compute()` when first used. Returns the declared names.
 */
export function bindPattern(
  ev: Evaluator,
  name: ts.BindingName,
  record: ModuleRecord,
  scope: Scope,
  compute: () => Value,
): string[] {
  if (ts.isIdentifier(name)) {
    scope.defineLazy(name.text, compute);
    return [name.text];
  }
  let memo: Value | undefined;
  const whole = () => (memo ??= compute());
  const names: string[] = [];
  forEachPatternPart(ev, name, record, scope, whole, (local, part) => {
    scope.defineLazy(local, part);
    names.push(local);
  });
  return names;
}

/** Binds a pattern eagerly to a known value (function parameters, loop variables, local declarations). */
export function assignPattern(ev: Evaluator, name: ts.BindingName, record: ModuleRecord, scope: Scope, value: Value): void {
  if (ts.isIdentifier(name)) {
    scope.define(name.text, value);
    return;
  }
  forEachPatternPart(ev, name, record, scope, () => value, (local, part) => scope.define(local, part()));
}

function forEachPatternPart(
  ev: Evaluator,
  pattern: ts.BindingPattern,
  record: ModuleRecord,
  scope: Scope,
  whole: () => Value,
  bind: (local: string, part: () => Value) => void,
): void {
  const at = ev.range(pattern, record);
  pattern.elements.forEach((element, index) => {
    if (ts.isOmittedExpression(element)) return;
    const withDefault = (part: () => Value) => () => {
      const value = part();
      if (value.k === 'undefined' && element.initializer) return ev.evaluate(element.initializer, scope);
      return value;
    };
    let part: () => Value;
    if (ts.isObjectBindingPattern(pattern)) {
      if (element.dotDotDotToken) {
        const taken = new Set(
          pattern.elements
            .filter((e) => !e.dotDotDotToken)
            .map((e) => propertyNameText(e.propertyName ?? e.name))
            .filter((k): k is string => k !== undefined),
        );
        part = () => restOfObject(whole(), taken, at);
      } else {
        const key = propertyNameText(element.propertyName ?? element.name);
        part = () => {
          const value = whole();
          if (key === undefined) return unknown('computed destructuring key', at);
          return memberOf(ev, value, key, at);
        };
      }
    } else {
      part = element.dotDotDotToken
        ? () => {
            const value = whole();
            if (value.k !== 'array') return value.k === 'unknown' ? value : unknown('rest element of a non-array', at);
            return { k: 'array', items: value.items.slice(index), unknowns: value.unknowns, at: value.at };
          }
        : () => {
            const value = whole();
            if (value.k === 'array') {
              // Known only if no unknown run stands at or before this position.
              const blocking = value.unknowns.find((u) => (u.index ?? 0) <= index);
              if (blocking) return blocking;
              return index < value.items.length ? value.items[index].value : UNDEFINED;
            }
            return value.k === 'unknown' ? value : unknown('array destructuring of a non-array', at);
          };
    }
    const finalPart = withDefault(part);
    if (ts.isIdentifier(element.name)) bind(element.name.text, finalPart);
    else {
      let memo: Value | undefined;
      forEachPatternPart(ev, element.name, record, scope, () => (memo ??= finalPart()), bind);
    }
  });
}

function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function restOfObject(value: Value, taken: Set<string>, at: ReturnType<Evaluator['range']>): Value {
  if (value.k === 'unknown') return value;
  if (value.k !== 'object') return unknown('object rest of a non-object', at);
  const props = new Map<string, Prop>();
  for (const [key, prop] of value.props) {
    if (taken.has(key) || prop.enumerable === false) continue;
    // A getter is read once, when the rest object is made.
    props.set(key, prop.accessor ? snapshotProp(prop) : prop);
  }
  return { k: 'object', props, open: value.open, at: value.at };
}

function snapshotProp(prop: Prop): Prop {
  const value = prop.get();
  return { keyAt: prop.keyAt, valueAt: prop.valueAt, get: () => value };
}
