import { ts } from '../project/ts';
import { skipWrappers } from './syntaxOf';

/**
 * Whether a config read is written as a presence test: `if (config.x)`, `config.x ?? d`,
 * `config.x || d`, `config.x && ...`, `!config.x`, `typeof config.x`, `config.x === undefined`,
 * `config.x?.y`, a destructuring default. Code that tests a field expects it may be absent (a field
 * the JupiterOne UI sets that the integration does not declare, an old name kept for compatibility):
 * not a mistake worth an error.
 */
export function isPresenceCheck(read: ts.Node): boolean {
  if (ts.isBindingElement(read)) return read.initializer !== undefined || bindingIsTested(read);
  const node = skipWrappers(read);
  const parent = node.parent;
  if (!parent) return false;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === node) return true;
  if (ts.isConditionalExpression(parent) && parent.condition === node) return true;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isTypeOfExpression(parent)) return true;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node && parent.questionDotToken) return true;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if ((op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) && parent.left === node) return true;
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) {
      const other = parent.left === node ? parent.right : parent.left;
      return other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === 'undefined');
    }
  }
  return false;
}

/** `const { x } = config; if (x) ...`: a use of the bound name, in its scope, that is a presence test. */
function bindingIsTested(binding: ts.BindingElement): boolean {
  if (!ts.isIdentifier(binding.name)) return false;
  const name = binding.name.text;
  let scope: ts.Node = binding;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  let tested = false;
  const visit = (node: ts.Node): void => {
    if (tested) return;
    if (ts.isIdentifier(node) && node.text === name && node !== binding.name && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      if (isPresenceCheck(node)) tested = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return tested;
}
