import { ts } from '../project/ts';
import type { Evaluator } from './evaluator';
import type { ModuleRecord } from './moduleRecord';
import { bindPattern } from './patterns';
import { enumValue } from './enums';
import { hasModifier, functionValue } from './functions';
import { classValue } from './classes';
import { executeStatement } from './calls';
import { Scope } from './scope';
import { unknown, type Value } from './values';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

/**
 * Records the top-level declarations of a module as lazy bindings and its exports as thunks.
 * Nothing is evaluated here: constants are computed when something reads them.
 */
export function scanModule(ev: Evaluator, record: ModuleRecord): void {
  const { sourceFile } = record.file;
  const scope = record.scope;
  const exportLocal = (exported: string, local: string, node: ts.Node) =>
    record.exports.set(exported, () => scope.lookup(local) ?? unknown(`'${local}' is not defined`, ev.range(node, record)));

  if (/\.json$/i.test(record.path)) {
    // `import pkg from '../package.json'` / `require('./x.json')`: the module's exports are the parsed value.
    const statement = sourceFile.statements[0];
    // An empty or broken file throws when loaded; the parser has reported it, nothing is exported.
    if (statement && ts.isExpressionStatement(statement)) record.cjsAssignments.push({ kind: 'whole', expr: statement.expression });
    return;
  }

  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      scanImport(ev, record, statement);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      const ref = statement.moduleReference;
      if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) {
        const specifier = ref.expression.text;
        const at = ev.range(statement, record);
        scope.defineLazy(statement.name.text, () => ev.importBinding(record, specifier, '*', at));
      }
    } else if (ts.isVariableStatement(statement)) {
      const exported = hasModifier(statement, SK.ExportKeyword);
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        const at = ev.range(declaration.name, record);
        // Without an initializer the value comes from elsewhere (`declare const`, a later assignment).
        const names = bindPattern(ev, declaration.name, record, scope, init
          ? () => withMutations(ev, record, declaration.name, ev.evaluate(init, scope))
          : () => withMutations(ev, record, declaration.name, unknown(`'${declaration.name.getText(record.file.sourceFile)}' is declared without a value`, at)));
        if (exported) for (const name of names) exportLocal(name, name, declaration);
      }
    } else if (ts.isFunctionDeclaration(statement)) {
      const name = statement.name?.text;
      const value = functionValue(ev, statement, scope, record);
      if (name) scope.define(name, value);
      if (name) record.hoisted.add(name);
      if (hasModifier(statement, SK.ExportKeyword)) {
        if (hasModifier(statement, SK.DefaultKeyword)) record.exports.set('default', () => value);
        else if (name) record.exports.set(name, () => value);
      }
    } else if (ts.isClassDeclaration(statement)) {
      const name = statement.name?.text;
      let memo: Value | undefined;
      // `Steps.EXTRA = '...'` after the class: static members changed at load time are replayed too.
      const value = () => (memo ??= name ? withMutations(ev, record, statement.name as ts.Identifier, classValue(ev, statement, scope)) : classValue(ev, statement, scope));
      if (name) scope.defineLazy(name, value);
      if (hasModifier(statement, SK.ExportKeyword)) {
        const exported = hasModifier(statement, SK.DefaultKeyword) ? 'default' : name ?? 'default';
        record.exports.set(exported, () => (name ? scope.lookup(name) ?? value() : value()));
      }
    } else if (ts.isEnumDeclaration(statement)) {
      const name = statement.name.text;
      scope.defineLazy(name, () => enumValue(ev, statement, record, scope));
      if (hasModifier(statement, SK.ExportKeyword)) exportLocal(name, name, statement);
    } else if (ts.isExportDeclaration(statement)) {
      scanExport(ev, record, statement);
    } else if (ts.isExportAssignment(statement)) {
      const expr = statement.expression;
      let memo: Value | undefined;
      const thunk = () => (memo ??= ev.evaluate(expr, scope));
      if (statement.isExportEquals) record.cjsAssignments.push({ kind: 'whole', expr });
      else record.exports.set('default', thunk);
    } else if (ts.isExpressionStatement(statement)) {
      scanTopLevelExpression(record, statement);
    } else if (ts.isModuleDeclaration(statement)) {
      // Namespaces and `declare module` blocks hold types in integrations; their values are not modelled.
    } else {
      scanCompoundStatement(record, statement);
    }
  }
}

function scanImport(ev: Evaluator, record: ModuleRecord, statement: ts.ImportDeclaration): void {
  const clause = statement.importClause;
  if (!ts.isStringLiteral(statement.moduleSpecifier)) return;
  const specifier = statement.moduleSpecifier.text;
  if (!clause) {
    // `import './x'` runs x at load time: load it so its problems (syntax errors) are reported.
    record.sideEffectImports.push(specifier);
    return;
  }
  const scope = record.scope;
  // Ranges are computed when a binding is read: most imported names of a file are never read.
  const moduleSpecifier = statement.moduleSpecifier;
  if (clause.name) {
    const local = clause.name.text;
    scope.defineLazy(local, () => ev.importBinding(record, specifier, 'default', ev.range(moduleSpecifier, record)));
  }
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) {
    scope.defineLazy(bindings.name.text, () => ev.importBinding(record, specifier, '*', ev.range(moduleSpecifier, record)));
    return;
  }
  for (const element of bindings.elements) {
    const imported = (element.propertyName ?? element.name).text;
    scope.defineLazy(element.name.text, () => ev.importBinding(record, specifier, imported, ev.range(element, record)));
  }
}

function scanExport(ev: Evaluator, record: ModuleRecord, statement: ts.ExportDeclaration): void {
  const specifier =
    statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
  const clause = statement.exportClause;
  const at = ev.range(statement, record);
  if (!clause) {
    if (specifier) record.starExports.push(specifier);
    return;
  }
  if (ts.isNamespaceExport(clause)) {
    if (specifier) record.exports.set(clause.name.text, () => ev.importBinding(record, specifier, '*', at));
    return;
  }
  for (const element of clause.elements) {
    const local = (element.propertyName ?? element.name).text;
    const exported = element.name.text;
    if (specifier) {
      record.exports.set(exported, () => ev.importBinding(record, specifier, local, at));
    } else {
      record.exports.set(
        exported,
        () => record.scope.lookup(local) ?? unknown(`'${local}' is not defined`, ev.range(element, record)),
      );
    }
  }
}

/** `module.exports = x`, `exports.x = y`, and top-level mutations of module bindings. */
function scanTopLevelExpression(record: ModuleRecord, statement: ts.ExpressionStatement): void {
  const expr = statement.expression;
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === SK.EqualsToken) {
    const target = expr.left;
    if (isModuleExports(target)) {
      record.cjsAssignments.push({ kind: 'whole', expr: expr.right });
      return;
    }
    if (ts.isPropertyAccessExpression(target) && (isModuleExports(target.expression) || isIdentifier(target.expression, 'exports'))) {
      const via = isModuleExports(target.expression) ? 'module.exports' : 'exports';
      record.cjsAssignments.push({ kind: 'named', via, name: target.name.text, expr: expr.right });
      return;
    }
  }
  const root = mutatedRoot(expr);
  if (root) {
    const list = record.mutations.get(root) ?? [];
    list.push(statement);
    record.mutations.set(root, list);
  }
}

function isIdentifier(node: ts.Node, name: string): boolean {
  return ts.isIdentifier(node) && node.text === name;
}

function isModuleExports(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) && isIdentifier(node.expression, 'module') && node.name.text === 'exports';
}

/** The module binding a top-level statement mutates (`x.push(...)`, `x.a = 1`, `x[k] = v`, `Object.assign(x, ...)`). */
function mutatedRoot(expr: ts.Expression): string | undefined {
  const rootOf = (node: ts.Expression): string | undefined => {
    while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = node.expression;
    return ts.isIdentifier(node) ? node.text : undefined;
  };
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind >= SK.FirstAssignment && expr.operatorToken.kind <= SK.LastAssignment) {
    if (ts.isPropertyAccessExpression(expr.left) || ts.isElementAccessExpression(expr.left)) return rootOf(expr.left);
    return ts.isIdentifier(expr.left) ? expr.left.text : undefined;
  }
  if ((ts.isPrefixUnaryExpression(expr) || ts.isPostfixUnaryExpression(expr)) &&
    (expr.operator === SK.PlusPlusToken || expr.operator === SK.MinusMinusToken)) {
    return rootOf(expr.operand);
  }
  if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) {
    const callee = expr.expression;
    if (isIdentifier(callee.expression, 'Object') && callee.name.text === 'assign' && expr.arguments[0]) {
      return rootOf(expr.arguments[0]);
    }
    if (['push', 'unshift', 'splice', 'pop', 'shift', 'sort', 'reverse', 'set', 'add', 'delete', 'forEach'].includes(callee.name.text)) {
      return rootOf(callee.expression);
    }
  }
  return undefined;
}

/** Statements the replay of a module binding can run with the function interpreter. */
const REPLAYABLE = new Set([
  SK.ForOfStatement, SK.ForStatement, SK.ForInStatement, SK.WhileStatement,
  SK.DoStatement, SK.IfStatement, SK.Block, SK.SwitchStatement,
]);

/**
 * A top-level `if`, loop or block that changes module bindings. When it changes exactly one, and no
 * name it declares inside hides a module binding, reading that binding replays it (a loop pushing
 * steps); otherwise each binding it changes is unknown: its value depends on control flow.
 */
function scanCompoundStatement(record: ModuleRecord, statement: ts.Statement): void {
  const roots = new Set<string>();
  const locals = new Set<string>();
  const declare = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) locals.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) declare(element.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isVariableDeclaration(node)) declare(node.name);
    if (ts.isExpressionStatement(node) || ts.isBinaryExpression(node) || ts.isCallExpression(node) ||
      ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
      const root = mutatedRoot(ts.isExpressionStatement(node) ? node.expression : node);
      if (root) roots.add(root);
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  const opaque = (name: string) => {
    if (!record.opaqueMutations.has(name)) record.opaqueMutations.set(name, statement);
  };
  const outer = [...roots].filter((root) => !locals.has(root));
  // A root also declared inside may be the local or the module binding: not followed.
  for (const root of roots) if (locals.has(root)) opaque(root);
  if (outer.length === 1 && REPLAYABLE.has(statement.kind) && !record.opaqueMutations.has(outer[0])) {
    const list = record.mutations.get(outer[0]) ?? [];
    list.push(statement);
    record.mutations.set(outer[0], list);
  } else {
    for (const root of outer) opaque(root);
  }
}

/** Replays the top-level statements that mutate a module binding once its initial value exists. */
function withMutations(ev: Evaluator, record: ModuleRecord, name: ts.BindingName, value: Value): Value {
  if (!ts.isIdentifier(name)) return value;
  const opaque = record.opaqueMutations.get(name.text);
  if (opaque) {
    return unknown(`'${name.text}' is changed under control flow at module load (${ts.SyntaxKind[opaque.kind]})`, ev.range(opaque, record));
  }
  const statements = record.mutations.get(name.text);
  if (!statements) return value;
  const earlyRead = readBeforeChanged(record, name, statements);
  if (earlyRead) {
    // Lazy evaluation would give that read the final value; at run time it sees the value of that moment.
    return unknown(
      `'${name.text}' is read at module load before later top-level statements change it, so not every read sees the same value`,
      ev.range(earlyRead, record),
    );
  }
  // The binding is still "busy" while we run: give the replay the value being built.
  record.scope.define(name.text, value);
  for (const statement of statements) {
    let result: Value;
    if (ts.isExpressionStatement(statement)) result = ev.evaluate(statement.expression, record.scope);
    else {
      const completion = executeStatement(ev, statement, new Scope(record.scope, record));
      result = completion.type === 'abort' ? completion.value : { k: 'undefined' };
    }
    if (result.k === 'unknown') {
      return unknown(`'${name.text}' is changed by code the analysis cannot follow: ${result.reason}`, ev.range(statement, record));
    }
  }
  return record.scope.lookup(name.text) ?? value;
}

/** The top-level statement holding `node`. */
function topLevelStatement(node: ts.Node): ts.Node {
  while (node.parent && !ts.isSourceFile(node.parent)) node = node.parent;
  return node;
}

/**
 * A reference to the binding, at module load, between its declaration and the last top-level
 * statement that changes it (function bodies run later and are skipped): such a read sees an
 * intermediate value, which replaying every change up front would not give.
 */
function readBeforeChanged(record: ModuleRecord, name: ts.Identifier, changes: ts.Statement[]): ts.Node | undefined {
  const statements = record.file.sourceFile.statements;
  const first = statements.indexOf(topLevelStatement(name) as ts.Statement);
  const changing = new Set<ts.Node>(changes);
  const last = Math.max(...changes.map((c) => statements.indexOf(c)));
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isIdentifier(node) && node.text === name.text && node !== name && isRead(node)) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  for (let i = first; i < last && !found; i++) {
    const statement = statements[i];
    if (changing.has(statement) || ts.isImportDeclaration(statement)) continue;
    if (i === first) {
      // Other declarations of the same statement (`const a = [], b = a.length`) come after it.
      if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) if (d.name !== name && d.initializer) visit(d.initializer);
      continue;
    }
    visit(statement);
  }
  return found;
}

/** Whether an identifier is a value read of a binding (not a property name, a key or a declaration). */
function isRead(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) && parent.name === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if (ts.isExportSpecifier(parent) || ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)) return false;
  return true;
}
