import { ts } from '../project/ts';
import type { IntegrationAnalysis } from '../model/buildModel';
import type { SourceRange } from '../model/types';
import type { ParsedFile } from '../project/sourceFile';

/**
 * Where the cursor is, syntactically. The model knows what evaluated code means; these helpers know
 * what is being typed, which the model cannot see in half-written code.
 */

export function parsedFile(analysis: IntegrationAnalysis, file: string): ParsedFile | undefined {
  try {
    return analysis.evaluator.parse(file);
  } catch {
    return undefined;
  }
}

/**
 * The innermost node at `offset`. A node the cursor is strictly inside wins over one that ends at
 * the cursor, so `a|,b` finds `a` and `[|x]` finds `x`; punctuation tokens are not visited.
 */
export function nodeAt(sourceFile: ts.SourceFile, offset: number): ts.Node {
  let current: ts.Node = sourceFile;
  for (;;) {
    let strict: ts.Node | undefined;
    let atEnd: ts.Node | undefined;
    ts.forEachChild(current, (child) => {
      const start = child.getStart(sourceFile);
      const end = child.getEnd();
      if (start <= offset && offset < end) {
        strict = child;
        return true;
      }
      if (end === offset && start < end) atEnd = child;
      return undefined;
    });
    const next = strict ?? atEnd;
    if (!next) return current;
    current = next;
  }
}

export type StringLike = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;

export function isStringLike(node: ts.Node): node is StringLike {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/**
 * The content of a string literal (between its quotes) when the cursor is in it. An unterminated
 * literal runs to the end of its line in the parser, swallowing what follows: only up to the cursor
 * is then the user's text.
 */
export function stringContent(node: StringLike, sourceFile: ts.SourceFile, offset: number): { start: number; end: number } | undefined {
  const start = node.getStart(sourceFile) + 1;
  const unterminated = node.isUnterminated === true;
  const end = unterminated ? offset : node.getEnd() - 1;
  if (offset < start || offset > end) return undefined;
  return { start, end };
}

export function propertyNameText(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** A value written as `property: value`, or as an element of `property: [..., value]`. */
export interface PropertySlot {
  property: string;
  assignment: ts.PropertyAssignment;
  object: ts.ObjectLiteralExpression;
  array?: ts.ArrayLiteralExpression;
}

function skipWrappers(node: ts.Node): ts.Node {
  // `['a'] as const`, `(x)`, `x satisfies T`: the value the property holds is the outer expression.
  while (ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return node;
}

export function propertySlot(node: ts.Node): PropertySlot | undefined {
  let value = skipWrappers(node);
  let array: ts.ArrayLiteralExpression | undefined;
  if (ts.isArrayLiteralExpression(value.parent)) {
    array = value.parent;
    value = skipWrappers(array);
  }
  return slotOfValue(value, array);
}

/** The property an array literal is the value of. */
export function arraySlot(array: ts.ArrayLiteralExpression): PropertySlot | undefined {
  return slotOfValue(skipWrappers(array), array);
}

function slotOfValue(value: ts.Node, array: ts.ArrayLiteralExpression | undefined): PropertySlot | undefined {
  const assignment = value.parent;
  if (!assignment || !ts.isPropertyAssignment(assignment) || assignment.initializer !== value) return undefined;
  const property = propertyNameText(assignment.name);
  if (property === undefined || !ts.isObjectLiteralExpression(assignment.parent)) return undefined;
  return { property, assignment, object: assignment.parent, array };
}

const RELATIONSHIP_KEYS = new Set(['sourceType', 'targetType', 'from', 'to', 'fromKey', 'toKey', 'fromType', 'toType', 'direction', 'relationshipClass']);
const RELATIONSHIP_CALLS = new Set(['createDirectRelationship', 'createMappedRelationship', 'createIntegrationRelationship', 'iterateRelationships']);
const ENTITY_CALLS = new Set(['createIntegrationEntity', 'iterateEntities', 'addEntity', 'addEntities']);

/**
 * Whether an object literal describes an entity or a relationship, from its keys or the SDK call it
 * is passed to. 'unknown' when neither says (a bare object, a custom helper).
 */
export function objectFlavor(object: ts.ObjectLiteralExpression): 'entity' | 'relationship' | 'unknown' {
  const keys = new Set(object.properties.map((p) => propertyNameText(p.name)).filter((k): k is string => k !== undefined));
  if ([...keys].some((k) => RELATIONSHIP_KEYS.has(k))) return 'relationship';
  const call = calleeName(object);
  if (call && RELATIONSHIP_CALLS.has(call)) return 'relationship';
  if (keys.has('resourceName') || keys.has('_key')) return 'entity';
  if (call && ENTITY_CALLS.has(call)) return 'entity';
  return 'unknown';
}

/** The name of the function an object literal is an argument of, through `entityData: { assign: {...} }` nesting. */
export function calleeName(object: ts.ObjectLiteralExpression): string | undefined {
  let node: ts.Node = object;
  for (let depth = 0; depth < 3 && node.parent; depth++) {
    const parent = node.parent;
    if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
      const callee = parent.expression;
      if (ts.isIdentifier(callee)) return callee.text;
      if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
      return undefined;
    }
    if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) node = parent.parent;
    else return undefined;
  }
  return undefined;
}

/** The quote a file uses for strings, taken from a literal near the cursor; single quotes by default. */
export function quoteNear(node: ts.Node, sourceFile: ts.SourceFile): string {
  for (let scope: ts.Node | undefined = node; scope; scope = scope.parent) {
    let quote: string | undefined;
    ts.forEachChild(scope, function find(child): boolean | undefined {
      if (ts.isStringLiteral(child)) {
        const first = sourceFile.text[child.getStart(sourceFile)];
        if (first === '"' || first === "'") quote = first;
        return true;
      }
      return ts.forEachChild(child, find);
    });
    if (quote) return quote;
    if (ts.isSourceFile(scope)) break;
  }
  return "'";
}

export function rangeOf(file: string, start: number, end: number): SourceRange {
  return { file, start, end };
}
