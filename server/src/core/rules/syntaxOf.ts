import { ts } from '../project/ts';
import type { SourceRange } from '../model/types';
import type { RuleContext } from './types';

/** The outermost node that spans exactly `range` (as the evaluator records ranges: start without trivia, end). */
export function nodeSpanning(context: RuleContext, range: SourceRange): ts.Node | undefined {
  const sourceFile = context.sourceFile(range.file);
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
