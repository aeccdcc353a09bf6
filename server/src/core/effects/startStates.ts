import { ts } from '../project/ts';
import type { Evaluator } from '../evaluator/evaluator';
import type { FunctionValue, Value } from '../evaluator/values';
import type { SourceRange } from '../model/types';

export interface StartStateKey {
  id: string;
  range: SourceRange;
}

/** One `return { [Steps.X]: { disabled } , ... }` of getStepStartStates. */
export interface StartStateReturn {
  range: SourceRange;
  keys: StartStateKey[];
  /** False when some key could not be determined (a spread, a key from a local variable): "missing" is then not certain. */
  complete: boolean;
}

/**
 * The step ids each return of getStepStartStates lists, read from the returned object literals.
 * Values (`disabled: ...`) are run-time facts and are not needed; keys usually are constants.
 * Undefined when a return is not an object literal (the states are built elsewhere).
 */
export function startStateReturns(ev: Evaluator, fn: FunctionValue): StartStateReturn[] | undefined {
  const record = fn.scope.module;
  const body = fn.node.body;
  if (!body) return undefined;
  const locals = declaredNames(body);
  const expressions: ts.Expression[] = [];
  if (!ts.isBlock(body)) expressions.push(body);
  else {
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression) expressions.push(node.expression);
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(body, visit);
  }
  if (!expressions.length) return undefined;
  const returns: StartStateReturn[] = [];
  for (let expr of expressions) {
    expr = unwrap(expr);
    if (!ts.isObjectLiteralExpression(expr)) return undefined;
    const result: StartStateReturn = { range: ev.range(expr, record), keys: [], complete: true };
    const evaluateKey = (node: ts.Expression): Value | undefined => {
      if (usesAny(node, locals)) return undefined;
      return ev.evaluate(node, fn.scope);
    };
    for (const property of expr.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = evaluateKey(property.expression);
        if (spread?.k === 'object' && !spread.open) {
          for (const [key, prop] of spread.props) result.keys.push({ id: key, range: prop.keyAt ?? ev.range(property, record) });
        } else result.complete = false;
        continue;
      }
      const name = property.name;
      if (!name) continue;
      let key: string | undefined;
      if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) key = name.text;
      else if (ts.isComputedPropertyName(name)) {
        const value = evaluateKey(name.expression);
        if (value?.k === 'string') key = value.v;
      }
      if (key === undefined) result.complete = false;
      else result.keys.push({ id: key, range: ev.range(name, record) });
    }
    returns.push(result);
  }
  return returns;
}

function unwrap(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isTypeAssertionExpression(expr) || ts.isAwaitExpression(expr)) {
    expr = expr.expression;
  }
  return expr;
}

/** Names declared inside the function (parameters excluded): they shadow module constants. */
function declaredNames(body: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isBindingElement(node)) && node.name && ts.isIdentifier(node.name)) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  if (ts.isFunctionLike(body.parent)) for (const p of body.parent.parameters) visit(p);
  return names;
}

function usesAny(node: ts.Node, names: Set<string>): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && names.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}
