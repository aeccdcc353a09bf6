import { ts } from '../project/ts';
import type { Scope } from '../evaluator/scope';
import { NOT_PRIMITIVE, primitive, unknown, type ObjectValue, type Prop, type Value } from '../evaluator/values';
import { alternativesOf, choices, join } from './abstract';
import { elementChoices } from './arrays';
import { evaluate } from './expressions';
import { withDefault, type Walker } from './walker';

/**
 * Declares the names of a binding (parameter, variable, loop variable) with their parts of
 * `value`. Destructuring the context or the config goes through `member`, so
 * `({ jobState, instance: { config: { apiKey } } })` records the read of `apiKey`.
 */
export function bindPattern(w: Walker, name: ts.BindingName, value: Value, scope: Scope): void {
  if (ts.isIdentifier(name)) {
    scope.define(name.text, value);
    return;
  }
  const at = w.range(name, scope);
  if (ts.isObjectBindingPattern(name)) {
    const taken: string[] = [];
    for (const element of name.elements) {
      if (element.dotDotDotToken) {
        bindPattern(w, element.name, restOf(w, value, taken, at), scope);
        continue;
      }
      const keyNode = element.propertyName ?? element.name;
      const key = keyText(w, keyNode, scope);
      let part: Value;
      if (key === undefined) {
        if (value === w.world.config) w.sink.configGap('a config field is destructured with a computed key', at);
        part = unknown('a destructuring key known only at run time', at);
      } else {
        taken.push(key);
        part = w.member(value, key, w.range(element, scope), keyNode, scope);
      }
      if (element.initializer) part = withDefault(w, part, element.initializer, scope);
      bindPattern(w, element.name, part, scope);
    }
    return;
  }
  name.elements.forEach((element, index) => {
    if (ts.isOmittedExpression(element)) return;
    let part: Value;
    if (element.dotDotDotToken) part = unknown('a rest element', at);
    else part = join(choices(value).map((option) => elementAt(option, index, at)), 'an element that differs between paths', at);
    if (element.initializer) part = withDefault(w, part, element.initializer, scope);
    bindPattern(w, element.name, part, scope);
  });
}

function elementAt(value: Value, index: number, at: ReturnType<Walker['range']>): Value {
  if (value.k !== 'array') return value.k === 'unknown' ? value : unknown('array destructuring of a non-list', at);
  const blocked = value.unknowns.some((u) => (u.index ?? 0) <= index);
  if (!blocked) return index < value.items.length ? value.items[index].value : { k: 'undefined', at };
  return unknown('an element of a list known only at run time', at);
}

function keyText(w: Walker, name: ts.PropertyName | ts.BindingName, scope: Scope): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const key = evaluate(w, name.expression, scope);
    const p = primitive(key);
    return key.k === 'unknown' || p === NOT_PRIMITIVE ? undefined : String(p);
  }
  return undefined;
}

function restOf(w: Walker, value: Value, taken: string[], at: ReturnType<Walker['range']>): Value {
  if (value === w.world.config || value === w.world.instance) w.sink.configGap('the rest of the instance config is taken', at);
  if (alternativesOf(value) || value.k !== 'object') return value.k === 'unknown' ? unknown(value.reason, at) : unknown('an object rest of a non-object', at);
  const props = new Map<string, Prop>();
  for (const [key, prop] of value.props) if (!taken.includes(key)) props.set(key, prop);
  return w.own<ObjectValue>({ k: 'object', props, open: value.open, at: value.at });
}

export { elementChoices };
