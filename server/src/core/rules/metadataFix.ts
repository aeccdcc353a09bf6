import { ts } from '../project/ts';
import type { ListModel, SourceRange, StepModel } from '../model/types';
import type { TypeList } from './declaredTypes';
import { appendToLiteral } from './insertProperty';
import type { RuleContext, TextEdit } from './types';

const moduleNames = new WeakMap<RuleContext, Map<string, Set<string>>>();

/** Names bound at the top level of a file (imports, declarations): what an inserted expression may refer to. */
function topLevelNames(context: RuleContext, file: string): Set<string> {
  let perFile = moduleNames.get(context);
  if (!perFile) moduleNames.set(context, (perFile = new Map()));
  const cached = perFile.get(file);
  if (cached) return cached;
  const names = new Set<string>();
  const source = context.sourceFile(file);
  if (source) {
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && statement.importClause) {
        const clause = statement.importClause;
        if (clause.name) names.add(clause.name.text);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
        else if (bindings) for (const element of bindings.elements) names.add(element.name.text);
      } else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
        names.add(statement.name.text);
      }
    }
  }
  perFile.set(file, names);
  return names;
}

/** Whether `name` is bound at the top level of `file` (imported or declared). */
export function nameInScope(context: RuleContext, file: string, name: string): boolean {
  return topLevelNames(context, file).has(name);
}

/**
 * The source text at `range` when it is a dotted name (`Entities.USER`, `Steps.ACCOUNT`) whose root
 * is bound at the top level of `file`: then it can be written there as is.
 */
export function expressionUsableIn(context: RuleContext, range: SourceRange, file: string): string | undefined {
  const text = context.text(range.file)?.slice(range.start, range.end);
  if (!text || !/^[A-Za-z_$][\w$]*(\s*\.\s*[A-Za-z_$][\w$]*)*$/.test(text)) return undefined;
  const root = text.split('.')[0].trim();
  return topLevelNames(context, file).has(root) ? text.replace(/\s+/g, '') : undefined;
}

/**
 * The constant that holds the metadata a `_type` string is written in (`Entities.ADMIN` for the
 * `'acme_admin'` in `export const Entities = { ADMIN: { resourceName, _type: 'acme_admin', ... } }`),
 * when it can be written as is in `file`.
 */
export function metadataConstantFor(context: RuleContext, origin: SourceRange | undefined, file: string, list: TypeList): string | undefined {
  if (!origin) return undefined;
  const source = context.sourceFile(origin.file);
  if (!source) return undefined;
  let literal: ts.Node | undefined;
  const find = (node: ts.Node): void => {
    if (literal || node.getEnd() < origin.start || node.getStart(source) > origin.end) return;
    if (ts.isStringLiteralLike(node) && node.getStart(source) === origin.start && node.getEnd() === origin.end) literal = node;
    else ts.forEachChild(node, find);
  };
  find(source);
  const skip = (node: ts.Node): ts.Node => {
    let n = node.parent;
    while (n && (ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isParenthesizedExpression(n))) n = n.parent;
    return n;
  };
  const typeProperty = literal && skip(literal);
  if (!typeProperty || !ts.isPropertyAssignment(typeProperty) || typeProperty.name.getText(source) !== '_type') return undefined;
  const metadata = typeProperty.parent;
  // Only an object shaped like the list's metadata: not any object that happens to hold a `_type`.
  const keys = new Set(ts.isObjectLiteralExpression(metadata) ? metadata.properties.map((p) => p.name?.getText(source)) : []);
  const shaped = list === 'entities' ? keys.has('resourceName') && keys.has('_class') : keys.has('sourceType') && keys.has('targetType') && keys.has('_class');
  if (!shaped || (list === 'mappedRelationships' && !keys.has('direction'))) return undefined;
  const holder = skip(metadata);
  const path: string[] = [];
  let at: ts.Node | undefined = holder;
  if (at && ts.isPropertyAssignment(at) && (ts.isIdentifier(at.name) || ts.isStringLiteral(at.name))) {
    path.unshift(at.name.text);
    at = skip(at.parent);
  }
  if (!at || !ts.isVariableDeclaration(at) || !ts.isIdentifier(at.name) || !ts.isSourceFile(at.parent.parent.parent)) return undefined;
  path.unshift(at.name.text);
  if (!path.every((p) => /^[A-Za-z_$][\w$]*$/.test(p))) return undefined;
  if (origin.file !== file && !topLevelNames(context, file).has(path[0])) return undefined;
  return path.join('.');
}

/** A string literal in the quote style the file mostly uses. */
export function quoted(context: RuleContext, file: string, value: string): string {
  const text = context.text(file) ?? '';
  const single = (text.match(/'/g) ?? []).length;
  const double = (text.match(/"/g) ?? []).length;
  const quote = double > single ? '"' : "'";
  return `${quote}${value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`)}${quote}`;
}

/**
 * Edits adding `entry` to the step's `list` (entities, relationships, mappedRelationships): appended
 * to the array literal when it is written in the step, or as a new property of the step object
 * when the step has none. Lists built elsewhere (a shared constant, a helper) are left to the author.
 */
export function addToStepList(context: RuleContext, step: StepModel, list: TypeList, entry: string): TextEdit[] | undefined {
  const model: ListModel<unknown> = step[list];
  if (model.range) {
    const source = context.text(model.range.file)?.slice(model.range.start, model.range.end);
    if (!source?.startsWith('[')) return undefined;
    return appendToLiteral(model.range, [entry], context.text);
  }
  const stepSource = context.text(step.range.file)?.slice(step.range.start, step.range.end);
  if (!stepSource?.startsWith('{') || model.items.length || !model.complete) return undefined;
  return appendToLiteral(step.range, [`${list}: [${entry}]`], context.text);
}

/** The file an entry for `list` of `step` would be written in. */
export function stepListFile(step: StepModel, list: TypeList): string {
  return step[list].range?.file ?? step.range.file;
}

/** `acme_pull_request` -> `Pull Request`: a readable resourceName to start from. */
export function resourceNameOf(type: string): string {
  const parts = type.split('_').filter(Boolean);
  const words = parts.length > 1 ? parts.slice(1) : parts;
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}
