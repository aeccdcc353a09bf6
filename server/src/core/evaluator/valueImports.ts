import { ts } from '../project/ts';
import type { ModuleRecord } from './moduleRecord';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

/**
 * The module specifiers a file loads at run time. TypeScript erases imports whose bindings are used
 * only as types, so they create no load-order dependency (and no run-time import cycle).
 */
export function valueImportSpecifiers(record: ModuleRecord): string[] {
  const sf = record.file.sourceFile;
  const used = valueIdentifiers(sf);
  const specifiers: string[] = [];
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const locals: string[] = [];
      if (clause?.name) locals.push(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) locals.push(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) if (!e.isTypeOnly) locals.push(e.name.text);
      if (!clause || locals.some((l) => used.has(l))) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/** Every module specifier of the file's import and export declarations, type-only ones included. */
export function importSpecifiers(record: ModuleRecord): string[] {
  const specifiers: string[] = [];
  for (const statement of record.file.sourceFile.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/**
 * The module specifiers a file's import and export declarations name (`import x from`, `export * from`,
 * `import x = require(...)`), without `import type` and `export type`: the files the evaluator may load
 * next. A plain import used only as a type is included; the file is then parsed and never evaluated.
 */
export function declaredImports(sourceFile: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of sourceFile.statements) {
    switch (statement.kind) {
      case SK.ImportDeclaration: {
        const declaration = statement as ts.ImportDeclaration;
        const clause = declaration.importClause;
        if (clause?.isTypeOnly) break;
        const bindings = clause?.namedBindings;
        if (clause && !clause.name && bindings?.kind === SK.NamedImports && (bindings as ts.NamedImports).elements.every((e) => e.isTypeOnly)) break;
        if (declaration.moduleSpecifier.kind === SK.StringLiteral) specifiers.push((declaration.moduleSpecifier as ts.StringLiteral).text);
        break;
      }
      case SK.ExportDeclaration: {
        const declaration = statement as ts.ExportDeclaration;
        if (!declaration.isTypeOnly && declaration.moduleSpecifier?.kind === SK.StringLiteral) specifiers.push((declaration.moduleSpecifier as ts.StringLiteral).text);
        break;
      }
      case SK.ImportEqualsDeclaration: {
        const reference = (statement as ts.ImportEqualsDeclaration).moduleReference;
        if (!(statement as ts.ImportEqualsDeclaration).isTypeOnly && reference.kind === SK.ExternalModuleReference) {
          const expression = (reference as ts.ExternalModuleReference).expression;
          if (expression.kind === SK.StringLiteral) specifiers.push((expression as ts.StringLiteral).text);
        }
        break;
      }
      default:
        break;
    }
  }
  return specifiers;
}

/** Identifiers referenced outside type positions. */
function valueIdentifiers(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}
