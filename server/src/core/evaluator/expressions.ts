import { ts } from '../project/ts';
import type { Evaluator } from './evaluator';
import type { Scope } from './scope';
import type { SourceRange } from '../model/types';
import { memberOf } from './members';
import { functionValue } from './functions';
import { globalValue } from './builtins/globals';
import { binaryOperation, compoundOperator, unaryOperation } from './operators';
import { requireCall } from './calls';
import { iterationOf } from './builtins/collections';
import { classValue } from './classes';
import {
  primitive,
  NOT_PRIMITIVE,
  str,
  num,
  truthiness,
  unknown,
  type ArrayValue,
  type Item,
  type ObjectValue,
  type Prop,
  type Value,
} from './values';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

/** Evaluates an expression to a static value; anything not statically knowable becomes `unknown`. */
export function evaluateExpression(ev: Evaluator, node: ts.Expression, scope: Scope): Value {
  ev.tick();
  const record = scope.module;
  switch (node.kind) {
    case SK.StringLiteral:
    case SK.NoSubstitutionTemplateLiteral:
      return str((node as ts.StringLiteral).text, ev.range(node, record));
    case SK.NumericLiteral:
      return num(Number((node as ts.NumericLiteral).text), ev.range(node, record));
    case SK.TrueKeyword:
      return { k: 'boolean', v: true, at: ev.range(node, record) };
    case SK.FalseKeyword:
      return { k: 'boolean', v: false, at: ev.range(node, record) };
    case SK.NullKeyword:
      return { k: 'null', at: ev.range(node, record) };
    case SK.RegularExpressionLiteral: {
      const text = node.getText(record.file.sourceFile);
      const slash = text.lastIndexOf('/');
      try {
        return { k: 'regexp', v: new RegExp(text.slice(1, slash), text.slice(slash + 1)), at: ev.range(node, record) };
      } catch {
        return unknown('invalid regular expression', ev.range(node, record));
      }
    }
    case SK.Identifier: {
      const name = (node as ts.Identifier).text;
      if (name === 'undefined') return { k: 'undefined', at: ev.range(node, record) };
      return scope.lookup(name) ?? globalValue(name, ev.range(node, record));
    }
    case SK.ThisKeyword:
      return scope.lookup('this') ?? unknown("'this' is not known here", ev.range(node, record));
    case SK.ParenthesizedExpression:
    case SK.AsExpression:
    case SK.TypeAssertionExpression:
    case SK.NonNullExpression:
    case SK.SatisfiesExpression:
    case SK.PartiallyEmittedExpression:
      return ev.evaluate((node as ts.ParenthesizedExpression).expression, scope);
    case SK.TemplateExpression:
      return templateValue(ev, node as ts.TemplateExpression, scope);
    case SK.ObjectLiteralExpression:
      return objectLiteral(ev, node as ts.ObjectLiteralExpression, scope);
    case SK.ArrayLiteralExpression:
      return arrayLiteral(ev, node as ts.ArrayLiteralExpression, scope);
    case SK.PropertyAccessExpression: {
      const access = node as ts.PropertyAccessExpression;
      const base = ev.evaluate(access.expression, scope);
      if (access.questionDotToken && (base.k === 'undefined' || base.k === 'null')) return { k: 'undefined', at: ev.range(node, record) };
      if (ts.isPrivateIdentifier(access.name)) return unknown('private field', ev.range(node, record));
      return memberOf(ev, base, access.name.text, ev.range(node, record));
    }
    case SK.ElementAccessExpression: {
      const access = node as ts.ElementAccessExpression;
      const base = ev.evaluate(access.expression, scope);
      if (access.questionDotToken && (base.k === 'undefined' || base.k === 'null')) return { k: 'undefined', at: ev.range(node, record) };
      const key = ev.evaluate(access.argumentExpression, scope);
      const keyText = primitive(key);
      if (key.k === 'unknown') return base.k === 'unknown' ? base : key;
      if (keyText === NOT_PRIMITIVE) return unknown('element access with a non-primitive key', ev.range(node, record));
      return memberOf(ev, base, String(keyText), ev.range(node, record));
    }
    case SK.CallExpression:
      return callExpression(ev, node as ts.CallExpression, scope);
    case SK.NewExpression:
      return newExpression(ev, node as ts.NewExpression, scope);
    case SK.ArrowFunction:
    case SK.FunctionExpression:
      return functionValue(ev, node as ts.ArrowFunction, scope, record);
    case SK.ClassExpression:
      return classValue(ev, node as ts.ClassExpression, scope);
    case SK.ConditionalExpression: {
      const cond = node as ts.ConditionalExpression;
      const test = truthiness(ev.evaluate(cond.condition, scope));
      if (test === true) return ev.evaluate(cond.whenTrue, scope);
      if (test === false) return ev.evaluate(cond.whenFalse, scope);
      const a = ev.evaluate(cond.whenTrue, scope);
      const b = ev.evaluate(cond.whenFalse, scope);
      const pa = primitive(a);
      if (pa !== NOT_PRIMITIVE && a.k === b.k && pa === primitive(b)) return a;
      return unknown(`depends on the condition '${shortText(cond.condition, record.file.sourceFile)}', known only at run time`, ev.range(node, record));
    }
    case SK.BinaryExpression:
      return binaryExpression(ev, node as ts.BinaryExpression, scope);
    case SK.PrefixUnaryExpression: {
      const unary = node as ts.PrefixUnaryExpression;
      if (unary.operator === SK.PlusPlusToken || unary.operator === SK.MinusMinusToken) {
        return updateExpression(ev, unary, scope);
      }
      return unaryOperation(unary.operator, ev.evaluate(unary.operand, scope), ev.range(node, record));
    }
    case SK.PostfixUnaryExpression:
      return updateExpression(ev, node as ts.PostfixUnaryExpression, scope);
    case SK.TypeOfExpression: {
      const value = ev.evaluate((node as ts.TypeOfExpression).expression, scope);
      const type = typeOfValue(value);
      return type ? str(type, ev.range(node, record)) : unknown('typeof an unknown value', ev.range(node, record));
    }
    case SK.VoidExpression:
      return { k: 'undefined', at: ev.range(node, record) };
    case SK.AwaitExpression:
      return unknown('awaited value is only known at run time', ev.range(node, record));
    default:
      return unknown(`${ts.SyntaxKind[node.kind]} is not evaluated statically`, ev.range(node, record));
  }
}

function shortText(node: ts.Node, sf: ts.SourceFile): string {
  const text = node.getText(sf).replace(/\s+/g, ' ');
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

function typeOfValue(value: Value): string | undefined {
  switch (value.k) {
    case 'object':
      return value.className !== undefined ? 'function' : 'object';
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return value.k;
    case 'null':
    case 'array':
    case 'regexp':
    case 'collection':
      return 'object';
    case 'function':
    case 'builtin':
      return 'function';
    default:
      return undefined;
  }
}

function templateValue(ev: Evaluator, node: ts.TemplateExpression, scope: Scope): Value {
  let text = node.head.text;
  for (const span of node.templateSpans) {
    const value = ev.evaluate(span.expression, scope);
    const p = primitive(value);
    if (value.k === 'unknown') return unknown(value.reason, value.at ?? ev.range(span.expression, scope.module));
    if (p === NOT_PRIMITIVE) {
      if (value.k === 'array' && value.unknowns.length === 0) {
        const parts = value.items.map((i) => primitive(i.value));
        if (parts.some((x) => x === NOT_PRIMITIVE)) return unknown('template of a non-primitive value', ev.range(span, scope.module));
        text += parts.map((x) => (x === null || x === undefined ? '' : String(x))).join(',');
      } else {
        return unknown('template of a non-primitive value', ev.range(span, scope.module));
      }
    } else {
      text += String(p);
    }
    text += span.literal.text;
  }
  return str(text, ev.range(node, scope.module));
}

function propertyKey(ev: Evaluator, name: ts.PropertyName, scope: Scope): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
    return ts.isNumericLiteral(name) ? String(Number(name.text)) : name.text;
  }
  if (ts.isComputedPropertyName(name)) {
    const key = primitive(ev.evaluate(name.expression, scope));
    return key === NOT_PRIMITIVE ? undefined : String(key);
  }
  return undefined;
}

function lazyProp(ev: Evaluator, expr: ts.Expression, scope: Scope, keyNode: ts.Node): Prop {
  if (scope.parent) {
    // Inside a function, a loop or a block, the bindings a property reads may change after the
    // object is made (`i++` in a loop): evaluate now, as JavaScript does. Module-level objects stay
    // lazy: module bindings hold their final value, and large constants nobody reads cost nothing.
    const value = ev.evaluate(expr, scope);
    return { keyAt: ev.range(keyNode, scope.module), valueAt: ev.range(expr, scope.module), get: () => value };
  }
  let memo: Value | undefined;
  let computing = false;
  const valueAt = ev.range(expr, scope.module);
  return {
    keyAt: ev.range(keyNode, scope.module),
    valueAt,
    get: () => {
      if (memo) return memo;
      // `const X = { id: X.id }` reads the property while computing it.
      if (computing) return unknown('the property refers to itself (circular reference)', valueAt);
      computing = true;
      try {
        memo = ev.evaluate(expr, scope);
      } finally {
        computing = false;
      }
      return memo;
    },
  };
}

function objectLiteral(ev: Evaluator, node: ts.ObjectLiteralExpression, scope: Scope): ObjectValue {
  const record = scope.module;
  const props = new Map<string, Prop>();
  const result: ObjectValue = { k: 'object', props, at: ev.range(node, record) };
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property)) {
      const key = propertyKey(ev, property.name, scope);
      if (key === undefined) {
        markOpen(result, unknown('a computed property key is only known at run time', ev.range(property.name, record)));
        continue;
      }
      // Map.set keeps the first position of a re-assigned key, as JavaScript objects do.
      props.set(key, lazyProp(ev, property.initializer, scope, property.name));
    } else if (ts.isShorthandPropertyAssignment(property)) {
      props.set(property.name.text, lazyProp(ev, property.name, scope, property.name));
    } else if (ts.isSpreadAssignment(property)) {
      spreadInto(result, ev.evaluate(property.expression, scope), ev.range(property, record));
    } else if (ts.isMethodDeclaration(property)) {
      const key = propertyKey(ev, property.name, scope);
      if (key !== undefined) {
        const fn = functionValue(ev, property, scope, record);
        props.set(key, { keyAt: ev.range(property.name, record), valueAt: ev.range(property, record), get: () => fn });
      }
    } else if (ts.isGetAccessorDeclaration(property)) {
      const key = propertyKey(ev, property.name, scope);
      if (key === undefined) {
        markOpen(result, unknown('a computed property key is only known at run time', ev.range(property.name, record)));
        continue;
      }
      props.set(key, accessorProp(ev, property, scope, result));
    } else if (ts.isSetAccessorDeclaration(property)) {
      const key = propertyKey(ev, property.name, scope);
      if (key === undefined) {
        markOpen(result, unknown('a computed property key is only known at run time', ev.range(property.name, record)));
        continue;
      }
      // With a getter of the same name the pair is one accessor, read through the getter.
      if (props.get(key)?.accessor) continue;
      const value = unknown('a property with only a setter: what it holds depends on code the analysis does not run', ev.range(property, record));
      props.set(key, { keyAt: ev.range(property.name, record), get: () => value });
    }
  }
  return result;
}

/** `get key() {...}`: each read runs the getter with `this` bound to the object that holds it. */
export function accessorProp(ev: Evaluator, node: ts.GetAccessorDeclaration, scope: Scope, self: Value, enumerable = true): Prop {
  const fn = functionValue(ev, node, scope, scope.module);
  const at = ev.range(node, scope.module);
  const prop: Prop = { keyAt: ev.range(node.name, scope.module), valueAt: at, accessor: true, get: () => ev.call(fn, [], at, self) };
  if (!enumerable) prop.enumerable = false;
  return prop;
}

/** An unknown spread may overwrite any earlier property and add new ones. */
function markOpen(target: ObjectValue, cause: ReturnType<typeof unknown>): void {
  for (const [key, prop] of target.props) {
    const overwritten = unknown(`may be overwritten by a spread known only at run time (${cause.reason})`, cause.at);
    target.props.set(key, { keyAt: prop.keyAt, valueAt: prop.valueAt, get: () => overwritten });
  }
  target.open ??= cause;
}

export function spreadInto(target: ObjectValue, value: Value, at: ReturnType<Evaluator['range']>): void {
  switch (value.k) {
    case 'object':
      if (value.open) markOpen(target, value.open);
      for (const [key, prop] of value.props) {
        if (prop.enumerable === false) continue;
        if (prop.accessor) {
          // A spread reads a getter once and copies the value.
          const read = prop.get();
          target.props.set(key, { keyAt: prop.keyAt, valueAt: prop.valueAt, get: () => read });
        } else target.props.set(key, prop);
      }
      return;
    case 'array':
      value.items.forEach((item, index) => target.props.set(String(index), { valueAt: item.at, get: () => item.value }));
      if (value.unknowns.length) markOpen(target, value.unknowns[0]);
      return;
    case 'string':
      [...value.v].forEach((ch, index) => target.props.set(String(index), { get: () => str(ch, at) }));
      return;
    case 'collection': // a Set or Map has no own enumerable properties
    case 'undefined':
    case 'null':
    case 'number':
    case 'boolean':
      return;
    case 'unknown':
      markOpen(target, { ...value, at: value.at ?? at });
      return;
    default:
      markOpen(target, unknown(`spread of a ${value.k} is not modelled`, at));
  }
}

function arrayLiteral(ev: Evaluator, node: ts.ArrayLiteralExpression, scope: Scope): ArrayValue {
  const record = scope.module;
  const items: Item[] = [];
  const result: ArrayValue = { k: 'array', items, unknowns: [], at: ev.range(node, record) };
  for (const element of node.elements) {
    if (ts.isSpreadElement(element)) {
      spreadItems(ev, result, ev.evaluate(element.expression, scope), ev.range(element, record));
    } else if (ts.isOmittedExpression(element)) {
      items.push({ value: { k: 'undefined' }, at: ev.range(element, record) });
    } else {
      items.push({ value: ev.evaluate(element, scope), at: ev.range(element, record) });
    }
  }
  return result;
}

export function spreadItems(ev: Evaluator, target: ArrayValue, value: Value, at: ReturnType<Evaluator['range']>): void {
  const offset = target.items.length;
  if (value.k === 'collection') {
    const items = iterationOf(value, at);
    if (items) return spreadItems(ev, target, items, at);
  }
  if (value.k === 'array') {
    target.unknowns.push(...value.unknowns.map((u) => ({ ...u, index: offset + (u.index ?? value.items.length) })));
    target.items.push(...value.items);
  } else if (value.k === 'string') {
    for (const ch of value.v) target.items.push({ value: str(ch, at), at });
  } else if (value.k === 'unknown') {
    target.unknowns.push({ ...value, at: value.at ?? at, index: offset });
  } else {
    target.unknowns.push({ ...unknown(`spread of a ${value.k} is not modelled`, at), index: offset });
  }
}

function binaryExpression(ev: Evaluator, node: ts.BinaryExpression, scope: Scope): Value {
  const op = node.operatorToken.kind;
  const record = scope.module;
  const at = ev.range(node, record);
  if (op === SK.AmpersandAmpersandToken || op === SK.BarBarToken) {
    const left = ev.evaluate(node.left, scope);
    const t = truthiness(left);
    if (t === undefined) return unknown(left.k === 'unknown' ? left.reason : 'operand known only at run time', left.at ?? at);
    if (op === SK.AmpersandAmpersandToken) return t ? ev.evaluate(node.right, scope) : left;
    return t ? left : ev.evaluate(node.right, scope);
  }
  if (op === SK.QuestionQuestionToken) {
    const left = ev.evaluate(node.left, scope);
    if (left.k === 'unknown') return left;
    return left.k === 'undefined' || left.k === 'null' ? ev.evaluate(node.right, scope) : left;
  }
  if (op === SK.CommaToken) {
    ev.evaluate(node.left, scope);
    return ev.evaluate(node.right, scope);
  }
  if (op >= SK.FirstAssignment && op <= SK.LastAssignment) {
    return assignment(ev, node, scope);
  }
  return binaryOperation(op, ev.evaluate(node.left, scope), ev.evaluate(node.right, scope), at);
}

/** Assignments inside interpreted functions and replayed top-level mutations. */
function assignment(ev: Evaluator, node: ts.BinaryExpression, scope: Scope): Value {
  const record = scope.module;
  const at = ev.range(node, record);
  const op = node.operatorToken.kind;
  let value = ev.evaluate(node.right, scope);
  if (op !== SK.EqualsToken) {
    const current = ev.evaluate(node.left, scope);
    const binaryOp = compoundOperator(op);
    value = binaryOp === undefined ? unknown('compound assignment is not modelled', at) : binaryOperation(binaryOp, current, value, at);
  }
  return assignTo(ev, node.left, value, scope, at, ev.range(node.right, record));
}

/** Stores `value` into `left` (a variable or a property), as an assignment or `x++` does. */
function assignTo(ev: Evaluator, left: ts.Expression, value: Value, scope: Scope, at: SourceRange, valueAt: SourceRange): Value {
  const record = scope.module;
  if (ts.isParenthesizedExpression(left) || ts.isNonNullExpression(left) || ts.isAsExpression(left) || ts.isTypeAssertionExpression(left) || ts.isSatisfiesExpression(left)) {
    return assignTo(ev, left.expression, value, scope, at, valueAt);
  }
  if (ts.isIdentifier(left)) {
    if (!scope.assign(left.text, value)) return unknown(`assignment to undeclared '${left.text}'`, at);
    return value;
  }
  if (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) {
    const target = ev.evaluate(left.expression, scope);
    let key: string | undefined;
    if (ts.isPropertyAccessExpression(left)) key = ts.isIdentifier(left.name) ? left.name.text : undefined;
    else {
      const k = primitive(ev.evaluate(left.argumentExpression, scope));
      key = k === NOT_PRIMITIVE ? undefined : String(k);
    }
    if (target.k === 'object') {
      if (key === undefined) {
        markOpen(target, unknown('assignment to a computed key known only at run time', at));
        return value;
      }
      const existing = target.props.get(key);
      if (existing?.accessor || existing?.enumerable === false) {
        // A setter would run, or a read-only member would throw: what the property holds afterwards is not followed.
        const lost = unknown(`'${key}' is changed through an accessor or a class member the analysis does not follow`, at);
        target.props.set(key, { keyAt: existing.keyAt, valueAt: existing.valueAt, get: () => lost });
        return value;
      }
      const assigned = value;
      target.props.set(key, { keyAt: ev.range(left, record), valueAt, get: () => assigned });
      return value;
    }
    if (target.k === 'array' && key !== undefined && /^\d+$/.test(key)) {
      target.items[Number(key)] = { value, at: valueAt };
      return value;
    }
    return unknown('assignment to a value the analysis cannot follow', at);
  }
  return unknown('destructuring assignment is not modelled', at);
}


function callExpression(ev: Evaluator, node: ts.CallExpression, scope: Scope): Value {
  const record = scope.module;
  const at = ev.range(node, record);
  if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && !scope.lookup('require')) {
    return requireCall(ev, node, scope);
  }
  let self: Value | undefined;
  let callee: Value;
  if (ts.isPropertyAccessExpression(node.expression) || ts.isElementAccessExpression(node.expression)) {
    const access = node.expression;
    self = ev.evaluate(access.expression, scope);
    if (access.questionDotToken && (self.k === 'undefined' || self.k === 'null')) return { k: 'undefined', at };
    let key: string | undefined;
    if (ts.isPropertyAccessExpression(access)) key = ts.isIdentifier(access.name) ? access.name.text : undefined;
    else {
      const k = primitive(ev.evaluate(access.argumentExpression, scope));
      key = k === NOT_PRIMITIVE ? undefined : String(k);
    }
    callee = key === undefined ? unknown('call of a computed method', at) : memberOf(ev, self, key, ev.range(access, record));
  } else {
    callee = ev.evaluate(node.expression, scope);
  }
  if (node.questionDotToken && (callee.k === 'undefined' || callee.k === 'null')) return { k: 'undefined', at };
  const args: Value[] = [];
  for (const arg of node.arguments) {
    if (ts.isSpreadElement(arg)) {
      const value = ev.evaluate(arg.expression, scope);
      const spread = iterationOf(value, ev.range(arg, record)) ?? value;
      if (spread.k === 'array' && spread.unknowns.length === 0) args.push(...spread.items.map((i) => i.value));
      else return unknown('call with a spread argument known only at run time', at);
    } else {
      args.push(ev.evaluate(arg, scope));
    }
  }
  return ev.call(callee, args, at, self);
}

/** `i++`, `--i`: the numeric value is stored back; the expression is the old (postfix) or new (prefix) value. */
function updateExpression(ev: Evaluator, node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression, scope: Scope): Value {
  const at = ev.range(node, scope.module);
  const current = ev.evaluate(node.operand, scope);
  const p = primitive(current);
  let old: Value;
  if (current.k === 'unknown') old = current;
  else if (p === NOT_PRIMITIVE) old = unknown(`${node.operator === SK.PlusPlusToken ? '++' : '--'} of a non-primitive value`, at);
  else old = num(Number(p), at);
  const next = old.k === 'number' ? num(old.v + (node.operator === SK.PlusPlusToken ? 1 : -1), at) : old;
  const stored = assignTo(ev, node.operand, next, scope, at, at);
  if (stored.k === 'unknown' && next.k !== 'unknown') return stored;
  return ts.isPrefixUnaryExpression(node) ? next : old;
}

/** `new X(...)`: modelled global constructors (`Set`, `Map`) are built; anything else exists only at run time. */
function newExpression(ev: Evaluator, node: ts.NewExpression, scope: Scope): Value {
  const record = scope.module;
  const at = ev.range(node, record);
  const runtimeOnly = () => unknown(`'new ${node.expression.getText(record.file.sourceFile)}(...)' is only known at run time`, at);
  if (!ts.isIdentifier(node.expression)) return runtimeOnly();
  const callee = ev.evaluate(node.expression, scope);
  if (callee.k !== 'builtin' || !callee.construct) return runtimeOnly();
  const args: Value[] = [];
  for (const arg of node.arguments ?? []) {
    if (ts.isSpreadElement(arg)) return unknown('new with a spread argument is not modelled', at);
    args.push(ev.evaluate(arg, scope));
  }
  return callee.construct(args, { at, call: (f, a, where) => ev.call(f, a, where) });
}
