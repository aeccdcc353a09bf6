import { ts } from '../project/ts';
import { enumValue } from '../evaluator/enums';
import type { Scope } from '../evaluator/scope';
import { NOT_PRIMITIVE, primitive, truthiness, unknown, type Value } from '../evaluator/values';
import { choices, join, truthOf } from './abstract';
import { elementChoices } from './arrays';
import { assignTo, evaluate } from './expressions';
import { bindPattern } from './patterns';
import { hasJumps } from './scans';
import type { Walker } from './walker';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

/** How a statement may complete; a set of these bits (a `return` in one branch only: NORMAL | RETURN). */
export const NORMAL = 1;
export const BREAK = 2;
export const CONTINUE = 4;
export const RETURN = 8;
export const THROW = 16;

export function hoistFunctions(w: Walker, statements: readonly ts.Statement[], scope: Scope): void {
  for (const statement of statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) scope.define(statement.name.text, w.functionAt(statement, scope));
  }
}

/** Statements in order, stopping where no path goes on. */
export function block(w: Walker, statements: readonly ts.Statement[], scope: Scope): number {
  let abrupt = 0;
  for (const statement of statements) {
    const flow = statement_(w, statement, scope);
    abrupt |= flow & ~NORMAL;
    if (!(flow & NORMAL)) return abrupt;
  }
  return abrupt | NORMAL;
}

function statement_(w: Walker, statement: ts.Statement, scope: Scope): number {
  w.tick();
  switch (statement.kind) {
    case SK.VariableStatement: {
      for (const declaration of (statement as ts.VariableStatement).declarationList.declarations) {
        const value: Value = declaration.initializer ? evaluate(w, declaration.initializer, scope) : { k: 'undefined' };
        bindPattern(w, declaration.name, value, scope);
      }
      return NORMAL;
    }
    case SK.ExpressionStatement:
      evaluate(w, (statement as ts.ExpressionStatement).expression, scope);
      return NORMAL;
    case SK.ReturnStatement: {
      const expr = (statement as ts.ReturnStatement).expression;
      const value: Value = expr ? evaluate(w, expr, scope) : { k: 'undefined', at: w.range(statement, scope) };
      w.currentFrame()?.returns.push(value);
      return RETURN;
    }
    case SK.IfStatement: {
      const ifs = statement as ts.IfStatement;
      const test = truthOf(evaluate(w, ifs.expression, scope));
      if (test === true) return statement_(w, ifs.thenStatement, scope);
      if (test === false) return ifs.elseStatement ? statement_(w, ifs.elseStatement, scope) : NORMAL;
      const guard = guardOf(ifs.expression);
      if (!guard) return branches(w, statement, [ifs.thenStatement, ifs.elseStatement], scope);
      // Each branch sees the guarded variable as its condition allows; after the if, it has the
      // values of the branches that go on.
      const keep = (whenTrue: boolean) => (v: Value) => {
        const t = guard.kind === 'truthy' ? truthiness(v) : v.k === 'unknown' ? undefined : v.k !== 'undefined' && v.k !== 'null';
        return t === undefined || t === (whenTrue === guard.positive);
      };
      return branches(w, statement, [ifs.thenStatement, ifs.elseStatement], scope, [
        () => w.narrow(guard.name, scope, keep(true)),
        () => w.narrow(guard.name, scope, keep(false)),
      ], [guard.name]);
    }
    case SK.Block: {
      const inner = w.newScope(scope);
      const statements = (statement as ts.Block).statements;
      hoistFunctions(w, statements, inner);
      return block(w, statements, inner);
    }
    case SK.ForOfStatement:
      return forOf(w, statement as ts.ForOfStatement, scope);
    case SK.ForInStatement: {
      const loop = statement as ts.ForInStatement;
      evaluate(w, loop.expression, scope);
      return loopOnce(w, loop, scope, (inner) => bindLoopVariable(w, loop.initializer, unknown('a key known only at run time', w.range(loop.initializer, scope)), inner));
    }
    case SK.ForStatement: {
      const loop = statement as ts.ForStatement;
      const outer = w.newScope(scope);
      if (loop.initializer) {
        if (ts.isVariableDeclarationList(loop.initializer)) {
          for (const d of loop.initializer.declarations) bindPattern(w, d.name, d.initializer ? evaluate(w, d.initializer, outer) : { k: 'undefined' }, outer);
        } else evaluate(w, loop.initializer, outer);
      }
      return loopOnce(w, loop, outer, (inner) => {
        if (loop.condition) evaluate(w, loop.condition, inner);
        return 0;
      }, () => {
        if (loop.incrementor) evaluate(w, loop.incrementor, outer);
      });
    }
    case SK.WhileStatement:
    case SK.DoStatement: {
      const loop = statement as ts.WhileStatement | ts.DoStatement;
      return loopOnce(w, loop, scope, (inner) => {
        evaluate(w, loop.expression, inner);
        return 0;
      });
    }
    case SK.SwitchStatement:
      return switchStatement(w, statement as ts.SwitchStatement, scope);
    case SK.TryStatement:
      return tryStatement(w, statement as ts.TryStatement, scope);
    case SK.ThrowStatement:
      evaluate(w, (statement as ts.ThrowStatement).expression, scope);
      return THROW;
    case SK.BreakStatement:
      return BREAK;
    case SK.ContinueStatement:
      return CONTINUE;
    case SK.LabeledStatement: {
      const flow = statement_(w, (statement as ts.LabeledStatement).statement, scope);
      // A labelled break ends the labelled statement; the analysis does not tell labels apart.
      return flow & BREAK ? (flow & ~BREAK) | NORMAL : flow;
    }
    case SK.ClassDeclaration: {
      const name = (statement as ts.ClassDeclaration).name?.text;
      if (name) scope.define(name, unknown(`class ${name} instances are not evaluated statically`, w.range(statement, scope)));
      return NORMAL;
    }
    case SK.EnumDeclaration: {
      const declaration = statement as ts.EnumDeclaration;
      scope.define(declaration.name.text, enumValue(w.ev, declaration, scope.module, scope));
      return NORMAL;
    }
    case SK.FunctionDeclaration:
    case SK.EmptyStatement:
    case SK.InterfaceDeclaration:
    case SK.TypeAliasDeclaration:
    case SK.ModuleDeclaration:
    case SK.ImportDeclaration:
    case SK.DebuggerStatement:
      return NORMAL;
    default:
      ts.forEachChild(statement, (child) => {
        if (ts.isExpression(child)) evaluate(w, child, scope);
      });
      return NORMAL;
  }
}

interface Guard {
  name: string;
  kind: 'truthy' | 'nullish';
  /** True when the condition holds where the variable is truthy (not nullish). */
  positive: boolean;
}

/** `x`, `!x`, `x != null`, `x === undefined`, ...: a condition about one variable. */
function guardOf(expr: ts.Expression): Guard | undefined {
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  if (ts.isIdentifier(expr)) return { name: expr.text, kind: 'truthy', positive: true };
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === SK.ExclamationToken) {
    const inner = guardOf(expr.operand);
    return inner && { ...inner, positive: !inner.positive };
  }
  if (ts.isBinaryExpression(expr) && ts.isIdentifier(expr.left)) {
    const right = expr.right;
    const nullish = right.kind === SK.NullKeyword || (ts.isIdentifier(right) && right.text === 'undefined');
    if (!nullish) return undefined;
    const op = expr.operatorToken.kind;
    // `x == null` covers both; `x === undefined` only one, which is enough to drop that one alone.
    if (op === SK.EqualsEqualsToken || op === SK.ExclamationEqualsToken) {
      return { name: expr.left.text, kind: 'nullish', positive: op === SK.ExclamationEqualsToken };
    }
  }
  return undefined;
}

/**
 * Runs each branch from the same state (a missing branch is "nothing happens") and leaves each
 * variable they assign with any of the values it has at the end of a branch that goes on.
 */
function branches(
  w: Walker,
  owner: ts.Node,
  arms: Array<ts.Statement | readonly ts.Statement[] | undefined>,
  scope: Scope,
  enter: Array<() => void> = [],
  extra: readonly string[] = [],
): number {
  const before = w.snapshot(owner, scope, extra);
  const ends: Array<ReturnType<Walker['snapshot']>> = [];
  let flow = 0;
  for (const [index, arm] of arms.entries()) {
    w.restore(before);
    enter[index]?.();
    let f: number;
    if (!arm) f = NORMAL;
    else if (Array.isArray(arm)) {
      const inner = w.newScope(scope);
      hoistFunctions(w, arm as readonly ts.Statement[], inner);
      f = block(w, arm as readonly ts.Statement[], inner);
    } else f = statement_(w, arm as ts.Statement, scope);
    flow |= f;
    if (f & (NORMAL | BREAK | CONTINUE)) ends.push(w.snapshot(owner, scope, extra));
  }
  if (ends.length) w.merge(ends, 'assigned differently on different paths');
  else w.restore(before);
  return flow;
}

function bindLoopVariable(w: Walker, initializer: ts.ForInitializer, value: Value, scope: Scope): number {
  if (ts.isVariableDeclarationList(initializer)) {
    const declaration = initializer.declarations[0];
    if (declaration) bindPattern(w, declaration.name, value, scope);
  } else assignTo(w, initializer, value, scope, w.range(initializer, scope));
  return 0;
}

/**
 * A loop whose iterations are not known: variables it assigns may hold any iteration's value, the
 * body is walked once. What follows the loop is reachable unless the body always returns or throws.
 */
function loopOnce(
  w: Walker,
  loop: ts.IterationStatement,
  scope: Scope,
  enter: (inner: Scope) => number,
  afterBody?: () => void,
): number {
  w.havoc(loop, scope, 'changed by a loop that runs an unknown number of times');
  const inner = w.newScope(scope);
  enter(inner);
  const flow = statement_(w, loop.statement, inner);
  afterBody?.();
  w.havoc(loop, scope, 'changed by a loop that runs an unknown number of times');
  return (flow & (RETURN | THROW)) | NORMAL;
}

function forOf(w: Walker, loop: ts.ForOfStatement, scope: Scope): number {
  const iterable = evaluate(w, loop.expression, scope);
  const options = choices(iterable);
  if (options.length === 1 && iterable.k === 'array' && !iterable.unknowns.length && w.mayUnroll(iterable.items.length) && !hasJumps(loop.statement)) {
    // Known elements, no early exit: every iteration runs, in order.
    const items = [...iterable.items];
    return w.unrolling(items.length, () => {
      let flow = NORMAL;
      for (const item of items) {
        const inner = w.newScope(scope);
        bindLoopVariable(w, loop.initializer, item.value, inner);
        flow |= statement_(w, loop.statement, inner) & (RETURN | THROW);
      }
      return flow;
    });
  }
  const elements: Value[] = [];
  for (const option of options) {
    if (option.k === 'array') elements.push(...elementChoices(option));
    else if (option.k === 'object' || option.k === 'unknown') elements.push(unknown('an element of a collection known only at run time', w.range(loop.expression, scope)));
    else if (option.k === 'string') elements.push(unknown('a character', w.range(loop.expression, scope)));
  }
  const element = join(elements, 'an element of the list', w.range(loop.initializer, scope));
  return loopOnce(w, loop, scope, (inner) => bindLoopVariable(w, loop.initializer, element, inner));
}

function switchStatement(w: Walker, statement: ts.SwitchStatement, scope: Scope): number {
  const subject = evaluate(w, statement.expression, scope);
  const clauses = statement.caseBlock.clauses;
  const caseValues = clauses.map((c) => (ts.isCaseClause(c) ? evaluate(w, c.expression, scope) : undefined));
  const known = (v: Value | undefined) => v !== undefined && v.k !== 'unknown' && primitive(v) !== NOT_PRIMITIVE;
  const inner = w.newScope(scope);
  if (known(subject) && caseValues.every((v) => v === undefined || known(v))) {
    let start = caseValues.findIndex((v) => v !== undefined && primitive(v) === primitive(subject) && v.k === subject.k);
    if (start < 0) start = clauses.findIndex((c) => ts.isDefaultClause(c));
    if (start < 0) return NORMAL;
    let flow = 0;
    for (let i = start; i < clauses.length; i++) {
      const f = block(w, clauses[i].statements, inner);
      flow |= f & (RETURN | THROW | CONTINUE);
      if (f & BREAK) flow |= NORMAL;
      // Falls through to the next clause only on the paths that go on.
      if (!(f & NORMAL)) return flow;
    }
    return flow | NORMAL;
  }
  // Any clause may be the one taken; falling through to the next clause is walked as its own path.
  const arms: Array<readonly ts.Statement[] | undefined> = clauses.map((c) => c.statements);
  if (!clauses.some((c) => ts.isDefaultClause(c))) arms.push(undefined);
  const flow = branches(w, statement.caseBlock, arms, inner);
  // A `break` ends the switch; a `continue` belongs to the enclosing loop.
  return (flow & ~BREAK) | (flow & BREAK ? NORMAL : 0);
}

function tryStatement(w: Walker, statement: ts.TryStatement, scope: Scope): number {
  let flow = statement_(w, statement.tryBlock, scope);
  const handler = statement.catchClause;
  if (handler) {
    const inner = w.newScope(scope);
    if (handler.variableDeclaration) bindPattern(w, handler.variableDeclaration.name, unknown('the error caught', w.range(handler, scope)), inner);
    // The catch block runs only when something threw: either state may follow.
    flow = (flow & ~THROW) | branches(w, handler.block, [handler.block, undefined], inner);
  }
  if (statement.finallyBlock) {
    const f = statement_(w, statement.finallyBlock, scope);
    if (!(f & NORMAL)) return f;
  }
  return flow;
}
