import { ts } from '../project/ts';
import type { ModuleRecord } from './moduleRecord';

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
