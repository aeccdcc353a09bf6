import { ts } from '@ts-morph/common';
import type { SourceRange } from '../model/types';
import type { RuleContext } from './types';

const parsed = new WeakMap<RuleContext, Map<string, ts.SourceFile | undefined>>();

/**
 * The syntax tree of a project file, parsed once per rule run. Rules that need to look at how a
 * value is written (a guard around a read, the object literal to add a property to) use it; the
 * model itself carries only values and ranges.
 */
export function sourceFileOf(context: RuleContext, file: string): ts.SourceFile | undefined {
  let files = parsed.get(context);
  if (!files) parsed.set(context, (files = new Map()));
  if (!files.has(file)) {
    const text = context.text(file);
    files.set(file, text === undefined ? undefined : ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file)));
  }
  return files.get(file);
}

function scriptKind(file: string): ts.ScriptKind {
  if (/\.[cm]?tsx?$/.test(file)) return file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return file.endsWith('x') ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

/** The outermost node that spans exactly `range` (as the evaluator records ranges: start without trivia, end). */
export function nodeSpanning(context: RuleContext, range: SourceRange): ts.Node | undefined {
  const sourceFile = sourceFileOf(context, range.file);
  if (!sourceFile) return undefined;
  let current: ts.Node = sourceFile;
  for (;;) {
    let next: ts.Node | undefined;
    ts.forEachChild(current, (child) => {
      if (child.getStart(sourceFile) <= range.start && range.end <= child.getEnd()) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) return undefined;
    if (next.getStart(sourceFile) === range.start && next.getEnd() === range.end) return next;
    current = next;
  }
}

/** `(x)`, `x!`, `x as T`, `x satisfies T` around an expression: the same value. */
export function skipWrappers(node: ts.Node): ts.Node {
  let current = node;
  while (
    current.parent &&
    (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent))
  ) {
    current = current.parent;
  }
  return current;
}
