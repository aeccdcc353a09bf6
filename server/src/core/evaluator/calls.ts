import { ts } from '../project/ts';
import type { SourceRange } from '../model/types';
import type { Evaluator } from './evaluator';
import { Scope } from './scope';
import { assignPattern } from './patterns';
import { functionValue, hasModifier } from './functions';
import { enumValue } from './enums';
import { iterationOf } from './builtins/collections';
import { classValue } from './classes';
import { truthiness, unknown, type FunctionValue, type Prop, type Value } from './values';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

const MAX_CALL_DEPTH = 40;
/** Iterations of one loop before the analysis gives up on it (a loop that never ends must not use up the budget). */
const MAX_LOOP_ITERATIONS = 10_000;

/** Calls a static function value: user functions are interpreted, builtins run natively. */
export function callValue(ev: Evaluator, fn: Value, args: Value[], at: SourceRange, self?: Value): Value {
  switch (fn.k) {
    case 'function':
      return interpretCall(ev, fn, args, at, self);
    case 'object':
      if (fn.className !== undefined) return unknown(`class ${fn.className} cannot be called without 'new'`, at);
      return unknown('calling a object would throw at run time', at);
    case 'builtin':
      if (!fn.call) return unknown(`'${fn.name}' cannot be called statically`, at);
      return fn.call(args, { at, call: (f, a, where) => callValue(ev, f, a, where) }, self);
    case 'unknown':
      return { ...fn, at: fn.at ?? at };
    default:
      return unknown(`calling a ${fn.k} would throw at run time`, at);
  }
}

/** `require('./x')` in CommonJS integrations. */
export function requireCall(ev: Evaluator, node: ts.CallExpression, scope: Scope): Value {
  const at = ev.range(node, scope.module);
  const arg = node.arguments[0];
  if (!arg || !ts.isStringLiteralLike(arg)) return unknown('require() of a computed path', at);
  return ev.importBinding(scope.module, arg.text, '*', at);
}

type Completion =
  | { type: 'normal' }
  | { type: 'return'; value: Value }
  | { type: 'break' }
  | { type: 'continue' }
  | { type: 'abort'; value: Value };

const NORMAL: Completion = { type: 'normal' };

function interpretCall(ev: Evaluator, fn: FunctionValue, args: Value[], at: SourceRange, self?: Value): Value {
  const node = fn.node;
  const name = fn.name ?? 'anonymous function';
  if (hasModifier(node, SK.AsyncKeyword) || node.asteriskToken) {
    return unknown(`'${name}' is async: its result is only known at run time`, at);
  }
  if (!node.body) return unknown(`'${name}' has no body`, at);
  if (ev.callDepth >= MAX_CALL_DEPTH) return unknown(`calls nested deeper than ${MAX_CALL_DEPTH} (recursion?) in '${name}'`, at);
  const record = fn.scope.module;
  const scope = new Scope(fn.scope, record);
  if (self && !ts.isArrowFunction(node)) scope.define('this', self);
  node.parameters.forEach((param, index) => {
    let value: Value;
    if (param.dotDotDotToken) {
      value = { k: 'array', items: args.slice(index).map((v) => ({ value: v, at: v.at })), unknowns: [], at };
    } else {
      value = args[index] ?? { k: 'undefined', at };
      if (value.k === 'undefined' && param.initializer) value = ev.evaluate(param.initializer, scope);
    }
    assignPattern(ev, param.name, record, scope, value);
  });
  ev.callDepth++;
  try {
    if (!ts.isBlock(node.body)) return fromCallSite(ev.evaluate(node.body, scope), fn, at);
    hoistFunctions(ev, node.body.statements, scope);
    const completion = executeStatements(ev, node.body.statements, scope);
    if (completion.type === 'return') return fromCallSite(completion.value, fn, at);
    if (completion.type === 'abort') return completion.value;
    return { k: 'undefined', at };
  } finally {
    ev.callDepth--;
  }
}

/**
 * A value built inside a helper is "written" where the helper is called (`fetchStepId('users')`):
 * the same template inside the helper serves every call, so it says little about this value.
 */
function fromCallSite(value: Value, fn: FunctionValue, callAt: SourceRange): Value {
  const body = fn.node;
  const file = fn.scope.module.path;
  const inside = (at: SourceRange | undefined) => !!at && at.file === file && at.start >= body.pos && at.end <= body.end;
  const restamp = (v: Value, depth: number): Value => {
    // A collection keeps its identity: it is mutable, and a copy would miss later changes.
    if (v.k === 'unknown' || v.k === 'function' || v.k === 'builtin' || v.k === 'collection' || !inside(v.at) || depth > 8) return v;
    if (v.k === 'object') {
      const props = new Map<string, Prop>();
      for (const [key, prop] of v.props) {
        let memo: Value | undefined;
        props.set(key, { keyAt: prop.keyAt, valueAt: prop.valueAt, get: () => (memo ??= restamp(prop.get(), depth + 1)) });
      }
      return { ...v, props, at: callAt };
    }
    if (v.k === 'array') return { ...v, items: v.items.map((i) => ({ ...i, value: restamp(i.value, depth + 1) })), at: callAt };
    return { ...v, at: callAt } as Value;
  };
  return restamp(value, 0);
}

function hoistFunctions(ev: Evaluator, statements: ts.NodeArray<ts.Statement>, scope: Scope): void {
  for (const statement of statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      scope.define(statement.name.text, functionValue(ev, statement, scope, scope.module));
    }
  }
}

function executeStatements(ev: Evaluator, statements: readonly ts.Statement[], scope: Scope): Completion {
  for (const statement of statements) {
    const completion = executeStatement(ev, statement, scope);
    if (completion.type !== 'normal') return completion;
  }
  return NORMAL;
}

function abort(ev: Evaluator, reason: string, node: ts.Node, scope: Scope): Completion {
  return { type: 'abort', value: unknown(reason, ev.range(node, scope.module)) };
}

export function executeStatement(ev: Evaluator, statement: ts.Statement, scope: Scope): Completion {
  ev.tick();
  const record = scope.module;
  switch (statement.kind) {
    case SK.VariableStatement: {
      for (const declaration of (statement as ts.VariableStatement).declarationList.declarations) {
        const value: Value = declaration.initializer ? ev.evaluate(declaration.initializer, scope) : { k: 'undefined' };
        assignPattern(ev, declaration.name, record, scope, value);
      }
      return NORMAL;
    }
    case SK.ExpressionStatement: {
      const value = ev.evaluate((statement as ts.ExpressionStatement).expression, scope);
      // A call whose effects we cannot follow may change what the function returns.
      if (value.k === 'unknown' && hasEffects(statement)) {
        return { type: 'abort', value: unknown(value.reason, value.at ?? ev.range(statement, record)) };
      }
      return NORMAL;
    }
    case SK.ReturnStatement: {
      const expr = (statement as ts.ReturnStatement).expression;
      return { type: 'return', value: expr ? ev.evaluate(expr, scope) : { k: 'undefined', at: ev.range(statement, record) } };
    }
    case SK.IfStatement: {
      const ifs = statement as ts.IfStatement;
      const test = truthiness(ev.evaluate(ifs.expression, scope));
      if (test === undefined) {
        if (!hasEffects(ifs.thenStatement) && (!ifs.elseStatement || !hasEffects(ifs.elseStatement))) return NORMAL;
        return abort(ev, `the result depends on the condition '${ifs.expression.getText(record.file.sourceFile)}', known only at run time`, ifs.expression, scope);
      }
      const branch = test ? ifs.thenStatement : ifs.elseStatement;
      return branch ? executeStatement(ev, branch, scope) : NORMAL;
    }
    case SK.Block: {
      const block = statement as ts.Block;
      const inner = new Scope(scope, record);
      hoistFunctions(ev, block.statements, inner);
      return executeStatements(ev, block.statements, inner);
    }
    case SK.ForOfStatement:
      return forOf(ev, statement as ts.ForOfStatement, scope);
    case SK.ForStatement:
      return forStatement(ev, statement as ts.ForStatement, scope);
    case SK.WhileStatement:
    case SK.DoStatement:
      return whileStatement(ev, statement as ts.WhileStatement | ts.DoStatement, scope);
    case SK.ForInStatement:
      return forIn(ev, statement as ts.ForInStatement, scope);
    case SK.SwitchStatement:
      return switchStatement(ev, statement as ts.SwitchStatement, scope);
    case SK.TryStatement: {
      // The analysis follows the path without exceptions: a catch/finally that changes results is rare in metadata code.
      const tryStatement = statement as ts.TryStatement;
      const completion = executeStatement(ev, tryStatement.tryBlock, scope);
      if (tryStatement.finallyBlock && hasEffects(tryStatement.finallyBlock)) {
        return abort(ev, 'a finally block the analysis does not follow', tryStatement.finallyBlock, scope);
      }
      return completion;
    }
    case SK.ThrowStatement:
      return abort(ev, 'the function throws here', statement, scope);
    case SK.BreakStatement:
      return (statement as ts.BreakStatement).label ? abort(ev, 'labelled break', statement, scope) : { type: 'break' };
    case SK.ContinueStatement:
      return (statement as ts.ContinueStatement).label ? abort(ev, 'labelled continue', statement, scope) : { type: 'continue' };
    case SK.FunctionDeclaration:
    case SK.EmptyStatement:
    case SK.InterfaceDeclaration:
    case SK.TypeAliasDeclaration:
      return NORMAL;
    case SK.ClassDeclaration: {
      const declaration = statement as ts.ClassDeclaration;
      if (declaration.name) scope.define(declaration.name.text, classValue(ev, declaration, scope));
      return NORMAL;
    }
    case SK.EnumDeclaration: {
      const declaration = statement as ts.EnumDeclaration;
      scope.define(declaration.name.text, enumValue(ev, declaration, record, scope));
      return NORMAL;
    }
    default:
      if (!hasEffects(statement)) return NORMAL;
      return abort(ev, `${ts.SyntaxKind[statement.kind]} is not interpreted statically`, statement, scope);
  }
}

function forOf(ev: Evaluator, statement: ts.ForOfStatement, scope: Scope): Completion {
  const record = scope.module;
  const value = ev.evaluate(statement.expression, scope);
  const iterable = iterationOf(value, ev.range(statement.expression, record)) ?? value;
  if (iterable.k !== 'array' || iterable.unknowns.length) {
    if (!hasEffects(statement.statement)) return NORMAL;
    const reason = iterable.k === 'unknown' ? iterable.reason : 'a loop over values known only at run time';
    return abort(ev, reason, statement.expression, scope);
  }
  const init = statement.initializer;
  const declaration = ts.isVariableDeclarationList(init) ? init.declarations[0] : undefined;
  for (const item of [...iterable.items]) {
    const inner = new Scope(scope, record);
    if (declaration) assignPattern(ev, declaration.name, record, inner, item.value);
    else if (ts.isIdentifier(init)) scope.assign(init.text, item.value);
    const completion = executeStatement(ev, statement.statement, inner);
    if (completion.type === 'break') break;
    if (completion.type === 'continue' || completion.type === 'normal') continue;
    return completion;
  }
  return NORMAL;
}

/** The names a `let`/`const` loop head declares: each iteration gets its own copy of them, as in JavaScript. */
function loopNames(list: ts.VariableDeclarationList): string[] {
  if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) return [];
  const names: string[] = [];
  const collect = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collect(element.name);
  };
  for (const declaration of list.declarations) collect(declaration.name);
  return names;
}

function tooManyIterations(ev: Evaluator, statement: ts.Statement, scope: Scope): Completion {
  return abort(ev, `a loop that runs more than ${MAX_LOOP_ITERATIONS} times is not followed`, statement, scope);
}

/** What a loop does after its body completed: keep going, leave the loop, or leave the function. */
function afterBody(completion: Completion): 'next' | 'exit' | Completion {
  if (completion.type === 'break') return 'exit';
  if (completion.type === 'continue' || completion.type === 'normal') return 'next';
  return completion;
}

function forStatement(ev: Evaluator, statement: ts.ForStatement, scope: Scope): Completion {
  const record = scope.module;
  let iteration = new Scope(scope, record);
  const init = statement.initializer;
  let perIteration: string[] = [];
  if (init && ts.isVariableDeclarationList(init)) {
    for (const declaration of init.declarations) {
      const value: Value = declaration.initializer ? ev.evaluate(declaration.initializer, iteration) : { k: 'undefined' };
      assignPattern(ev, declaration.name, record, iteration, value);
    }
    perIteration = loopNames(init);
  } else if (init) {
    const value = ev.evaluate(init, iteration);
    if (value.k === 'unknown' && hasEffects(init)) return { type: 'abort', value };
  }
  for (let count = 0; ; count++) {
    if (count >= MAX_LOOP_ITERATIONS) return tooManyIterations(ev, statement, scope);
    if (statement.condition) {
      const test = truthiness(ev.evaluate(statement.condition, iteration));
      if (test === undefined) {
        if (!hasEffects(statement.statement) && (!statement.incrementor || !hasEffects(statement.incrementor))) return NORMAL;
        return abort(ev, `a loop whose condition '${statement.condition.getText(record.file.sourceFile)}' is known only at run time`, statement.condition, scope);
      }
      if (!test) return NORMAL;
    }
    const next = afterBody(executeStatement(ev, statement.statement, new Scope(iteration, record)));
    if (next === 'exit') return NORMAL;
    if (next !== 'next') return next;
    if (perIteration.length) {
      const copy = new Scope(scope, record);
      for (const name of perIteration) copy.define(name, iteration.lookup(name) ?? { k: 'undefined' });
      iteration = copy;
    }
    if (statement.incrementor) {
      const value = ev.evaluate(statement.incrementor, iteration);
      if (value.k === 'unknown') return { type: 'abort', value };
    }
  }
}

function whileStatement(ev: Evaluator, statement: ts.WhileStatement | ts.DoStatement, scope: Scope): Completion {
  const record = scope.module;
  for (let count = 0; ; count++) {
    if (count >= MAX_LOOP_ITERATIONS) return tooManyIterations(ev, statement, scope);
    if (ts.isWhileStatement(statement) || count > 0) {
      const test = truthiness(ev.evaluate(statement.expression, scope));
      if (test === undefined) {
        if (!hasEffects(statement.statement)) return NORMAL;
        return abort(ev, `a loop whose condition '${statement.expression.getText(record.file.sourceFile)}' is known only at run time`, statement.expression, scope);
      }
      if (!test) return NORMAL;
    }
    const next = afterBody(executeStatement(ev, statement.statement, new Scope(scope, record)));
    if (next === 'exit') return NORMAL;
    if (next !== 'next') return next;
  }
}

/** `for (const key in object)`: own enumerable string keys in JavaScript order (plain objects, arrays, strings). */
function forIn(ev: Evaluator, statement: ts.ForInStatement, scope: Scope): Completion {
  const record = scope.module;
  const target = ev.evaluate(statement.expression, scope);
  let keys: string[] | undefined;
  if (target.k === 'object' && !target.open && target.className === undefined) {
    keys = jsKeyOrder([...target.props].filter(([, p]) => p.enumerable !== false).map(([k]) => k));
  } else if (target.k === 'array' && !target.unknowns.length) keys = target.items.map((_i, index) => String(index));
  else if (target.k === 'string') keys = [...target.v].map((_c, index) => String(index));
  else if (target.k === 'undefined' || target.k === 'null') keys = [];
  if (!keys) {
    if (!hasEffects(statement.statement)) return NORMAL;
    const reason = target.k === 'unknown' ? target.reason : target.k === 'object' && target.open ? target.open.reason : `for...in over a ${target.k} is not modelled`;
    return abort(ev, reason, statement.expression, scope);
  }
  const init = statement.initializer;
  const declaration = ts.isVariableDeclarationList(init) ? init.declarations[0] : undefined;
  for (const key of keys) {
    // Keys deleted by the body before they are reached are skipped, as JavaScript does.
    if (target.k === 'object' && !target.props.has(key)) continue;
    const inner = new Scope(scope, record);
    const value: Value = { k: 'string', v: key, at: ev.range(statement.expression, record) };
    if (declaration) assignPattern(ev, declaration.name, record, inner, value);
    else if (ts.isIdentifier(init)) scope.assign(init.text, value);
    else return abort(ev, 'for...in into a property is not modelled', init, scope);
    const next = afterBody(executeStatement(ev, statement.statement, inner));
    if (next === 'exit') return NORMAL;
    if (next !== 'next') return next;
  }
  return NORMAL;
}

function jsKeyOrder(keys: string[]): string[] {
  const isIndex = (k: string) => /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;
  return [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex(k))];
}

function switchStatement(ev: Evaluator, statement: ts.SwitchStatement, scope: Scope): Completion {
  const subject = ev.evaluate(statement.expression, scope);
  if (subject.k === 'unknown') {
    if (!hasEffects(statement.caseBlock)) return NORMAL;
    return abort(ev, subject.reason, statement.expression, scope);
  }
  const clauses = statement.caseBlock.clauses;
  let start = -1;
  for (let i = 0; i < clauses.length && start < 0; i++) {
    const clause = clauses[i];
    if (!ts.isCaseClause(clause)) continue;
    const value = ev.evaluate(clause.expression, scope);
    if (value.k === 'unknown') return abort(ev, value.reason, clause.expression, scope);
    if ('v' in value && 'v' in subject && value.k === subject.k && value.v === subject.v) start = i;
  }
  if (start < 0) start = clauses.findIndex((c) => ts.isDefaultClause(c));
  if (start < 0) return NORMAL;
  const inner = new Scope(scope, scope.module);
  for (let i = start; i < clauses.length; i++) {
    const completion = executeStatements(ev, clauses[i].statements, inner);
    if (completion.type === 'break') return NORMAL;
    if (completion.type !== 'normal') return completion;
  }
  return NORMAL;
}

/** Whether a statement can change what the enclosing function returns (ignoring nested functions). */
function hasEffects(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) || ts.isThrowStatement(n)) found = true;
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind >= SK.FirstAssignment && n.operatorToken.kind <= SK.LastAssignment) found = true;
    else if (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) {
      if (n.operator === SK.PlusPlusToken || n.operator === SK.MinusMinusToken) found = true;
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      if (MUTATING_METHODS.has(n.expression.name.text)) found = true;
    }
    if (!found) ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

const MUTATING_METHODS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'sort', 'reverse', 'set', 'add', 'delete', 'assign', 'forEach']);
