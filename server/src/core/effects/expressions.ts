import { ts } from '../project/ts';
import { spreadInto } from '../evaluator/expressions';
import { binaryOperation, compoundOperator, unaryOperation } from '../evaluator/operators';
import type { Scope } from '../evaluator/scope';
import {
  constProp,
  fromPrimitive,
  NOT_PRIMITIVE,
  primitive,
  str,
  unknown,
  type ArrayValue,
  type ObjectValue,
  type Value,
} from '../evaluator/values';
import { alternativesOf, choices, join, mapChoices, plain, truthOf } from './abstract';
import { ARRAY_CALLBACK_METHODS } from './arrayCalls';
import { appendSpread } from './arrays';
import { MUTATING_METHODS } from '../project/writeSites';
import { bindPattern } from './patterns';
import type { Walker } from './walker';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

/** Evaluates an expression of a handler (or of a function it calls), walking every call in it. */
export function evaluate(w: Walker, node: ts.Expression, scope: Scope): Value {
  w.tick();
  switch (node.kind) {
    case SK.StringLiteral:
    case SK.NoSubstitutionTemplateLiteral:
    case SK.NumericLiteral:
    case SK.TrueKeyword:
    case SK.FalseKeyword:
    case SK.NullKeyword:
    case SK.RegularExpressionLiteral:
      // Literals hold no names: the evaluator computes them as it always does.
      return w.ev.evaluate(node, scope);
    case SK.Identifier:
      return w.lookup(node as ts.Identifier, scope);
    case SK.ThisKeyword:
      return scope.lookup('this') ?? unknown("'this' is not known here", w.range(node, scope));
    case SK.ParenthesizedExpression:
    case SK.AsExpression:
    case SK.TypeAssertionExpression:
    case SK.NonNullExpression:
    case SK.SatisfiesExpression:
    case SK.PartiallyEmittedExpression:
    case SK.AwaitExpression:
      // A promise is analysed as the value it resolves to: `await` changes nothing.
      return evaluate(w, (node as ts.ParenthesizedExpression).expression, scope);
    case SK.TemplateExpression:
      return template(w, node as ts.TemplateExpression, scope);
    case SK.ObjectLiteralExpression:
      return objectLiteral(w, node as ts.ObjectLiteralExpression, scope);
    case SK.ArrayLiteralExpression:
      return arrayLiteral(w, node as ts.ArrayLiteralExpression, scope);
    case SK.PropertyAccessExpression: {
      const access = node as ts.PropertyAccessExpression;
      const base = evaluate(w, access.expression, scope);
      if (access.questionDotToken && isNullish(base)) return { k: 'undefined', at: w.range(node, scope) };
      if (access.expression.kind === SK.SuperKeyword) return w.classes.superMember(access, access.name.text, scope, w.range(node, scope));
      if (ts.isPrivateIdentifier(access.name) && !choices(base).every((b) => w.classes.isInstance(b))) return unknown('private field', w.range(node, scope));
      return w.member(withoutNullish(base, !!access.questionDotToken), access.name.text, w.range(node, scope), access.name, scope);
    }
    case SK.ElementAccessExpression:
      return elementAccess(w, node as ts.ElementAccessExpression, scope);
    case SK.CallExpression:
      return callExpression(w, node as ts.CallExpression, scope);
    case SK.NewExpression:
      return newExpression(w, node as ts.NewExpression, scope);
    case SK.ArrowFunction:
    case SK.FunctionExpression:
      return w.functionAt(node as ts.ArrowFunction, scope);
    case SK.ConditionalExpression: {
      const cond = node as ts.ConditionalExpression;
      const test = truthOf(evaluate(w, cond.condition, scope));
      if (test === true) return evaluate(w, cond.whenTrue, scope);
      if (test === false) return evaluate(w, cond.whenFalse, scope);
      const a = evaluate(w, cond.whenTrue, scope);
      const b = evaluate(w, cond.whenFalse, scope);
      return join([a, b], `depends on a condition known only at run time`, w.range(node, scope));
    }
    case SK.BinaryExpression:
      return binary(w, node as ts.BinaryExpression, scope);
    case SK.PrefixUnaryExpression: {
      const unary = node as ts.PrefixUnaryExpression;
      if (unary.operator === SK.PlusPlusToken || unary.operator === SK.MinusMinusToken) {
        return update(w, unary.operand, unary.operator === SK.PlusPlusToken ? 1 : -1, scope, w.range(node, scope));
      }
      const operand = evaluate(w, unary.operand, scope);
      if (unary.operator === SK.ExclamationToken) {
        const t = truthOf(operand);
        return t === undefined ? unknown('a negation known only at run time', w.range(node, scope)) : fromPrimitive(!t, w.range(node, scope));
      }
      return mapChoices([operand], ([v]) => unaryOperation(unary.operator, plain(v), w.range(node, scope)), 'an operation on values that differ between paths', w.range(node, scope));
    }
    case SK.PostfixUnaryExpression: {
      const unary = node as ts.PostfixUnaryExpression;
      return update(w, unary.operand, unary.operator === SK.PlusPlusToken ? 1 : -1, scope, w.range(node, scope));
    }
    case SK.TypeOfExpression: {
      const value = evaluate(w, (node as ts.TypeOfExpression).expression, scope);
      return mapChoices([value], ([v]) => typeOfValue(v, w.range(node, scope)), 'typeof a value that differs between paths', w.range(node, scope));
    }
    case SK.VoidExpression:
      evaluate(w, (node as ts.VoidExpression).expression, scope);
      return { k: 'undefined', at: w.range(node, scope) };
    case SK.DeleteExpression:
      evaluate(w, (node as ts.DeleteExpression).expression, scope);
      return unknown('the result of delete', w.range(node, scope));
    default:
      // Anything else (tagged templates, yield, class expressions): its calls still run.
      ts.forEachChild(node, (child) => {
        if (ts.isExpression(child)) evaluate(w, child, scope);
      });
      return unknown(`${ts.SyntaxKind[node.kind]} is not evaluated statically`, w.range(node, scope));
  }
}

export function isNullish(value: Value): boolean {
  return choices(value).every((o) => o.k === 'undefined' || o.k === 'null');
}

/** After `a?.`: the paths where `a` is nullish stopped there. */
function withoutNullish(value: Value, optional: boolean): Value {
  if (!optional || !alternativesOf(value)) return value;
  return join(choices(value).filter((o) => o.k !== 'undefined' && o.k !== 'null'), 'a value that differs between paths');
}

function typeOfValue(v: Value, at: ReturnType<Walker['range']>): Value {
  switch (v.k) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'object':
      return str(v.k, at);
    case 'null':
    case 'array':
    case 'regexp':
      return str('object', at);
    case 'function':
    case 'builtin':
      return str('function', at);
    default:
      return unknown('typeof a value known only at run time', at);
  }
}

function template(w: Walker, node: ts.TemplateExpression, scope: Scope): Value {
  const parts = node.templateSpans.map((span) => evaluate(w, span.expression, scope));
  const at = w.range(node, scope);
  return mapChoices(
    parts,
    (values) => {
      let text = node.head.text;
      for (const [index, value] of values.entries()) {
        const p = primitive(value);
        if (value.k === 'unknown') return unknown(value.reason, value.at ?? at);
        if (p === NOT_PRIMITIVE) return unknown('a template of a non-primitive value', at);
        text += String(p) + node.templateSpans[index].literal.text;
      }
      return str(text, at);
    },
    'a template of values that differ between paths',
    at,
  );
}

function objectLiteral(w: Walker, node: ts.ObjectLiteralExpression, scope: Scope): ObjectValue {
  const result = w.own<ObjectValue>({ k: 'object', props: new Map(), at: w.range(node, scope) });
  const properties = node.properties;
  for (let i = 0; i < properties.length; i++) {
    const property = properties[i];
    switch (property.kind) {
      case SK.PropertyAssignment: {
        const key = propertyKey(w, property.name, scope);
        const value = evaluate(w, property.initializer, scope);
        if (key === undefined) {
          spreadInto(result, unknown('a computed property key is only known at run time', w.range(property.name, scope)), w.range(property, scope));
          continue;
        }
        result.props.set(key, constProp(value, w.range(property.name, scope), w.range(property.initializer, scope)));
        break;
      }
      case SK.ShorthandPropertyAssignment: {
        const value = evaluate(w, property.name, scope);
        const at = w.range(property.name, scope);
        result.props.set(property.name.text, constProp(value, at, at));
        break;
      }
      case SK.SpreadAssignment: {
        const value = evaluate(w, property.expression, scope);
        const at = w.range(property, scope);
        if (value === w.world.config || value === w.world.instance) w.sink.configGap('the instance config is spread into an object', at);
        spreadInto(result, alternativesOf(value) ? plain(value) : value, at);
        break;
      }
      case SK.MethodDeclaration: {
        const key = propertyKey(w, property.name, scope);
        if (key !== undefined) result.props.set(key, constProp(w.functionAt(property, scope), w.range(property.name, scope), w.range(property, scope)));
        break;
      }
      case SK.GetAccessor:
      case SK.SetAccessor: {
        const key = propertyKey(w, property.name, scope);
        if (key !== undefined) result.props.set(key, constProp(unknown('an accessor property', w.range(property, scope)), w.range(property.name, scope)));
        break;
      }
    }
  }
  return result;
}

function propertyKey(w: Walker, name: ts.PropertyName, scope: Scope): string | undefined {
  const kind = name.kind;
  if (kind === SK.Identifier || kind === SK.StringLiteral || kind === SK.PrivateIdentifier) return (name as ts.Identifier).text;
  if (kind === SK.NumericLiteral) return String(Number((name as ts.NumericLiteral).text));
  if (kind === SK.ComputedPropertyName) {
    const key = evaluate(w, name.expression, scope);
    const p = primitive(key);
    return p === NOT_PRIMITIVE || key.k === 'unknown' ? undefined : String(p);
  }
  return undefined;
}

function arrayLiteral(w: Walker, node: ts.ArrayLiteralExpression, scope: Scope): ArrayValue {
  const result = w.own<ArrayValue>({ k: 'array', items: [], unknowns: [], at: w.range(node, scope) });
  for (const element of node.elements) {
    if (ts.isSpreadElement(element)) appendSpread(result, evaluate(w, element.expression, scope), w.range(element, scope));
    else if (ts.isOmittedExpression(element)) result.items.push({ value: { k: 'undefined' }, at: w.range(element, scope) });
    else result.items.push({ value: evaluate(w, element, scope), at: w.range(element, scope) });
  }
  return result;
}

function elementAccess(w: Walker, access: ts.ElementAccessExpression, scope: Scope): Value {
  const at = w.range(access, scope);
  const base = evaluate(w, access.expression, scope);
  if (access.questionDotToken && isNullish(base)) return { k: 'undefined', at };
  const key = evaluate(w, access.argumentExpression, scope);
  const keys = choices(key);
  const texts: string[] = [];
  for (const option of keys) {
    const p = primitive(option);
    if (option.k === 'unknown' || p === NOT_PRIMITIVE) {
      if (base === w.world.config) w.sink.configGap('a config field is read with a key known only at run time', at);
      // Which element is read is unknown: no element can be claimed.
      return unknown(option.k === 'unknown' ? option.reason : 'an element access with a non-primitive key', at);
    }
    texts.push(String(p));
  }
  const target = withoutNullish(base, !!access.questionDotToken);
  return join(texts.map((k) => w.member(target, k, at, access.argumentExpression, scope)), 'an element that differs between paths', at);
}

/** `new C(...)`: a project class is constructed (its constructor walked); any other class escapes its arguments. */
function newExpression(w: Walker, call: ts.NewExpression, scope: Scope): Value {
  const at = w.range(call, scope);
  const callee = evaluate(w, call.expression, scope);
  const args = argumentValues(w, call.arguments ?? ts.factory.createNodeArray(), scope);
  const options = choices(callee);
  const classes = options.map((option) => w.classes.classOf(option));
  if (classes.every((c) => c !== undefined)) {
    return join(classes.map((info) => w.classes.construct(info!, args, at)), 'the class constructed differs between paths', at);
  }
  const name = call.expression.getText(scope.module.file.sourceFile);
  for (const arg of args) w.escape(arg, at, `passed to 'new ${name}(...)'`);
  return unknown(`'new ${name}(...)' is only known at run time`, at);
}

/** Evaluates call arguments; a spread of a list known only at run time ends the known arguments. */
export function argumentValues(w: Walker, nodes: ts.NodeArray<ts.Expression>, scope: Scope): Value[] {
  const args: Value[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const arg = nodes[i];
    if (arg.kind === SK.SpreadElement) {
      const spread = evaluate(w, (arg as ts.SpreadElement).expression, scope);
      if (spread.k === 'array' && !spread.unknowns.length) args.push(...spread.items.map((item) => item.value));
      else {
        args.push(unknown('arguments spread from a list known only at run time', w.range(arg, scope)));
        w.escape(spread, w.range(arg, scope), 'spread into the arguments of a call');
      }
    } else {
      args.push(evaluate(w, arg, scope));
    }
  }
  return args;
}

function callExpression(w: Walker, node: ts.CallExpression, scope: Scope): Value {
  const at = w.range(node, scope);
  let target: ts.Expression = node.expression;
  while (ts.isParenthesizedExpression(target) || ts.isNonNullExpression(target) || ts.isAsExpression(target)) target = target.expression;
  if (ts.isIdentifier(target) && target.text === 'require' && !scope.lookup('require')) {
    w.readThroughEvaluator();
    return w.ev.evaluate(node, scope.module.scope);
  }
  if (target.kind === SK.ImportKeyword) return unknown('a dynamic import is only known at run time', at);
  if (target.kind === SK.SuperKeyword) return w.classes.superCall(node, argumentValues(w, node.arguments, scope), scope, at);
  let self: Value | undefined;
  let callee: Value;
  let method: string | undefined;
  let perReceiver: Array<[Value, Value]> | undefined;
  if (ts.isPropertyAccessExpression(target) && target.expression.kind === SK.SuperKeyword) {
    // `super.request(...)`: the base class's method, run on `this`.
    self = scope.lookup('this') ?? unknown("'this' is not known here", at);
    method = target.name.text;
    callee = w.classes.superMember(target, method, scope, at);
  } else if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
    self = evaluate(w, target.expression, scope);
    if (target.questionDotToken && isNullish(self)) return { k: 'undefined', at };
    self = withoutNullish(self, !!target.questionDotToken);
    if (ts.isPropertyAccessExpression(target)) method = ts.isIdentifier(target.name) || w.classes.isInstance(self) ? target.name.text : undefined;
    else {
      const key = evaluate(w, target.argumentExpression, scope);
      const p = primitive(key);
      method = key.k === 'unknown' || p === NOT_PRIMITIVE ? undefined : String(p);
    }
    const keyNode = ts.isPropertyAccessExpression(target) ? target.name : target.argumentExpression;
    const receivers = method !== undefined ? alternativesOf(self) : undefined;
    if (method !== undefined && receivers && distributes(w, method, receivers)) {
      // Each possible receiver with its own method: `this` is that receiver, a list's callback
      // method runs over that list (`(cached ?? fetched).map(convert)`).
      perReceiver = receivers.map((receiver) => [receiver, w.member(receiver, method!, w.range(target, scope), keyNode, scope)]);
      callee = join(perReceiver.map(([, c]) => c), 'the method called differs between paths', at);
    } else {
      callee = method === undefined ? unknown('a method whose name is only known at run time', at) : w.member(self, method, w.range(target, scope), keyNode, scope);
    }
  } else {
    callee = evaluate(w, target, scope);
  }
  if (node.questionDotToken && isNullish(callee)) return { k: 'undefined', at };
  const args = argumentValues(w, node.arguments, scope);
  if ((method === 'call' || method === 'apply') && self && choices(self).every((f) => f.k === 'function')) {
    // `handler.call(thisArg, context)`, `handler.apply(thisArg, [context])`: the function itself runs.
    const [thisArg, ...rest] = args;
    const list = args[1];
    if (method === 'call') return w.invoke(self, rest, at, thisArg);
    if (list?.k === 'array' && !list.unknowns.length) return w.invoke(self, list.items.map((i) => i.value), at, thisArg);
  }
  if (perReceiver) return join(perReceiver.map(([receiver, c]) => w.invoke(c, args, at, receiver, method)), 'the method called differs between paths', at);
  return w.invoke(callee, args, at, self, method);
}

/**
 * Whether a call on a receiver that differs between paths is walked once per receiver: methods of
 * the project's classes, and list methods that call back without changing the list (a method that
 * changes its receiver would change every alternative, where only one is changed at run time).
 */
function distributes(w: Walker, method: string, receivers: Value[]): boolean {
  if (receivers.some((r) => w.classes.isInstance(r))) return true;
  return ARRAY_CALLBACK_METHODS.has(method) && !MUTATING_METHODS.has(method);
}

function binary(w: Walker, node: ts.BinaryExpression, scope: Scope): Value {
  const op = node.operatorToken.kind;
  const at = w.range(node, scope);
  if (op === SK.AmpersandAmpersandToken || op === SK.BarBarToken || op === SK.QuestionQuestionToken) {
    const left = evaluate(w, node.left, scope);
    const options = choices(left);
    // The left operand is the result on the paths where it decides; the right one on the others.
    const stops = (v: Value): boolean | undefined => {
      if (op === SK.QuestionQuestionToken) return v.k === 'unknown' ? undefined : v.k !== 'undefined' && v.k !== 'null';
      const t = truthOf(v);
      if (t === undefined) return undefined;
      return op === SK.AmpersandAmpersandToken ? !t : t;
    };
    const kept: Value[] = [];
    let needRight = false;
    for (const option of options) {
      const s = stops(option);
      if (s === true) kept.push(option);
      else if (s === false) needRight = true;
      else {
        needRight = true;
        // `x || default` with x unknown: x itself may be the result, unless && needs it truthy.
        kept.push(op === SK.AmpersandAmpersandToken ? unknown('a falsy value known only at run time', option.at ?? at) : option);
      }
    }
    if (!needRight) return join(kept, 'a value that differs between paths', at);
    const right = evaluate(w, node.right, scope);
    return join([...kept, right], 'depends on a value known only at run time', at);
  }
  if (op === SK.CommaToken) {
    evaluate(w, node.left, scope);
    return evaluate(w, node.right, scope);
  }
  if (op >= SK.FirstAssignment && op <= SK.LastAssignment) return assignment(w, node, scope);
  const left = evaluate(w, node.left, scope);
  const right = evaluate(w, node.right, scope);
  if (op === SK.InKeyword || op === SK.InstanceOfKeyword) return unknown(`'${node.operatorToken.getText()}' is evaluated at run time`, at);
  return mapChoices([left, right], ([l, r]) => binaryOperation(op, plain(l), plain(r), at), 'an operation on values that differ between paths', at);
}

function assignment(w: Walker, node: ts.BinaryExpression, scope: Scope): Value {
  const at = w.range(node, scope);
  const op = node.operatorToken.kind;
  let value: Value;
  if (op === SK.EqualsToken) value = evaluate(w, node.right, scope);
  else {
    const current = evaluate(w, node.left, scope);
    const right = evaluate(w, node.right, scope);
    value = combine(w, current, right, op, at);
  }
  assignTo(w, node.left, value, scope, at);
  return value;
}

function combine(w: Walker, current: Value, right: Value, op: ts.SyntaxKind, at: ReturnType<Walker['range']>): Value {
  const binaryOp = compoundOperator(op);
  if (binaryOp === undefined) return unknown('a compound assignment the analysis does not model', at);
  if (binaryOp === SK.BarBarToken || binaryOp === SK.QuestionQuestionToken || binaryOp === SK.AmpersandAmpersandToken) {
    const options = choices(current);
    const kept: Value[] = [];
    let needRight = false;
    for (const option of options) {
      let stops: boolean | undefined;
      if (binaryOp === SK.QuestionQuestionToken) stops = option.k === 'unknown' ? undefined : option.k !== 'undefined' && option.k !== 'null';
      else {
        const t = truthOf(option);
        stops = t === undefined ? undefined : binaryOp === SK.AmpersandAmpersandToken ? !t : t;
      }
      if (stops !== false) kept.push(option);
      if (stops !== true) needRight = true;
    }
    return join(needRight ? [...kept, right] : kept, 'a value that differs between paths', at);
  }
  return mapChoices([current, right], ([l, r]) => binaryOperation(binaryOp, plain(l), plain(r), at), 'an operation on values that differ between paths', at);
}

/** `x++`, `--x`: numbers only; anything else becomes unknown. */
function update(w: Walker, target: ts.Expression, delta: number, scope: Scope, at: ReturnType<Walker['range']>): Value {
  const current = evaluate(w, target, scope);
  const next = mapChoices([current], ([v]) => (v.k === 'number' ? fromPrimitive(v.v + delta, at) : unknown('an increment of a value known only at run time', at)), 'an increment', at);
  assignTo(w, target, next, scope, at);
  return next;
}

/** Stores `value` into an assignment target: own variables and objects change, anything else receives it. */
export function assignTo(w: Walker, target: ts.Expression, value: Value, scope: Scope, at: ReturnType<Walker['range']>): void {
  while (ts.isParenthesizedExpression(target) || ts.isNonNullExpression(target) || ts.isAsExpression(target)) target = target.expression;
  if (ts.isIdentifier(target)) {
    w.assign(target.text, value, scope, at);
    return;
  }
  if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
    const base = evaluate(w, target.expression, scope);
    let key: string | undefined;
    if (ts.isPropertyAccessExpression(target)) key = target.name.text;
    else {
      const k = evaluate(w, target.argumentExpression, scope);
      const p = primitive(k);
      key = k.k === 'unknown' || p === NOT_PRIMITIVE ? undefined : String(p);
    }
    const options = choices(base);
    for (const option of options) {
      if (key !== undefined && w.classes.assign(option, key, value, at)) continue;
      if (w.isOwn(option)) w.changed(option);
      if (w.isOwn(option) && option.k === 'object') {
        if (key === undefined) spreadInto(option, unknown('a property assigned with a computed key', at), at);
        else if (options.length === 1) {
          const prop = constProp(value, w.range(target, scope), w.range(target, scope));
          if (key.startsWith('#')) prop.enumerable = false; // a private field is never listed
          option.props.set(key, prop);
        }
        else {
          // Only one of the objects gets the value: each may keep its old one.
          const old = option.props.get(key)?.get() ?? { k: 'undefined' as const };
          option.props.set(key, constProp(join([old, value], 'assigned on some paths'), w.range(target, scope)));
        }
      } else if (w.isOwn(option) && option.k === 'array' && key !== undefined && /^\d+$/.test(key) && options.length === 1) {
        option.items[Number(key)] = { value, at: w.range(target, scope) };
      } else if (w.isOwn(option) && option.k === 'array') {
        option.unknowns.push({ ...unknown('an element assigned at an index known only at run time', at), index: option.items.length });
        w.escape(value, at, 'stored into a list at an unknown index', true);
      } else {
        w.escape(value, at, 'stored into an object outside the handler');
      }
    }
    return;
  }
  if (ts.isObjectLiteralExpression(target) || ts.isArrayLiteralExpression(target)) {
    // Destructuring assignment: each name gets its part, as in a declaration.
    destructure(w, target, value, scope, at);
    return;
  }
}

function destructure(w: Walker, target: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression, value: Value, scope: Scope, at: ReturnType<Walker['range']>): void {
  if (ts.isArrayLiteralExpression(target)) {
    target.elements.forEach((element, index) => {
      if (ts.isOmittedExpression(element)) return;
      const part = value.k === 'array' && !value.unknowns.length ? (value.items[index]?.value ?? { k: 'undefined' }) : unknown('an element of a list known only at run time', at);
      assignTo(w, ts.isSpreadElement(element) ? element.expression : element, ts.isSpreadElement(element) ? unknown('a rest element', at) : part, scope, at);
    });
    return;
  }
  for (const property of target.properties) {
    if (ts.isShorthandPropertyAssignment(property)) w.assign(property.name.text, w.member(value, property.name.text, at), scope, at);
    else if (ts.isPropertyAssignment(property)) {
      const key = propertyKey(w, property.name, scope);
      assignTo(w, property.initializer, key === undefined ? unknown('a computed key', at) : w.member(value, key, at), scope, at);
    } else if (ts.isSpreadAssignment(property)) assignTo(w, property.expression, unknown('an object rest', at), scope, at);
  }
}


export { bindPattern };
