import { ts } from '../project/ts';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

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
