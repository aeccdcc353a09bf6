import { ts } from '../project/ts';
import type { Evaluator } from './evaluator';
import type { ModuleRecord } from './moduleRecord';
import type { Scope } from './scope';
import type { FunctionNode, FunctionValue } from './values';

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((m) => m.kind === kind) ?? false;
}

export function functionValue(ev: Evaluator, node: FunctionNode, scope: Scope, record: ModuleRecord): FunctionValue {
  const name = node.name && ts.isIdentifier(node.name) ? node.name.text : inferredName(node);
  return { k: 'function', node, scope, name, at: ev.range(node.name ?? node, record) };
}

/** `const fetchUsers = async () => {}` names the arrow `fetchUsers`, as JavaScript does. */
function inferredName(node: FunctionNode): string | undefined {
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}
