import { ts } from '../project/ts';
import type { SourceRange } from '../model/types';
import { fromPrimitive, NOT_PRIMITIVE, primitive, truthiness, unknown, type Value } from './values';

/** Binary operators over known primitives, computed by JavaScript itself so edge cases match. */
export function binaryOperation(op: ts.BinaryOperator | ts.SyntaxKind, left: Value, right: Value, at: SourceRange): Value {
  if (left.k === 'unknown') return { ...left, at: left.at ?? at };
  if (right.k === 'unknown') return { ...right, at: right.at ?? at };
  const l = primitive(left);
  const r = primitive(right);
  if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken) {
    let same: boolean;
    if (l !== NOT_PRIMITIVE && r !== NOT_PRIMITIVE) same = l === r;
    else if (l === NOT_PRIMITIVE && r === NOT_PRIMITIVE) same = left === right;
    else same = false;
    return fromPrimitive(op === ts.SyntaxKind.EqualsEqualsEqualsToken ? same : !same, at);
  }
  if (l === NOT_PRIMITIVE || r === NOT_PRIMITIVE) return unknown('operator on a non-primitive value is not modelled', at);
  const a = l as never;
  const b = r as never;
  switch (op) {
    case ts.SyntaxKind.PlusToken:
      return fromPrimitive((a as string) + (b as string), at);
    case ts.SyntaxKind.MinusToken:
      return fromPrimitive(a - b, at);
    case ts.SyntaxKind.AsteriskToken:
      return fromPrimitive(a * b, at);
    case ts.SyntaxKind.SlashToken:
      return fromPrimitive(a / b, at);
    case ts.SyntaxKind.PercentToken:
      return fromPrimitive(a % b, at);
    case ts.SyntaxKind.EqualsEqualsToken:
      return fromPrimitive(a == b, at);
    case ts.SyntaxKind.ExclamationEqualsToken:
      return fromPrimitive(a != b, at);
    case ts.SyntaxKind.LessThanToken:
      return fromPrimitive(a < b, at);
    case ts.SyntaxKind.LessThanEqualsToken:
      return fromPrimitive(a <= b, at);
    case ts.SyntaxKind.GreaterThanToken:
      return fromPrimitive(a > b, at);
    case ts.SyntaxKind.GreaterThanEqualsToken:
      return fromPrimitive(a >= b, at);
    case ts.SyntaxKind.BarBarToken:
      return truthiness(left) ? left : right;
    case ts.SyntaxKind.QuestionQuestionToken:
      return l === null || l === undefined ? right : left;
    default:
      return unknown(`operator ${ts.SyntaxKind[op]} is not modelled`, at);
  }
}

export function unaryOperation(op: ts.PrefixUnaryOperator, operand: Value, at: SourceRange): Value {
  if (op === ts.SyntaxKind.ExclamationToken) {
    const t = truthiness(operand);
    return t === undefined ? unknown(operand.k === 'unknown' ? operand.reason : 'operand known only at run time', at) : fromPrimitive(!t, at);
  }
  if (operand.k === 'unknown') return operand;
  const v = primitive(operand);
  if (v === NOT_PRIMITIVE) return unknown('unary operator on a non-primitive value', at);
  switch (op) {
    case ts.SyntaxKind.MinusToken:
      return fromPrimitive(-(v as number), at);
    case ts.SyntaxKind.PlusToken:
      return fromPrimitive(+(v as number), at);
    default:
      return unknown(`operator ${ts.SyntaxKind[op]} is not modelled`, at);
  }
}

/** The binary operator behind a compound assignment (`+=` -> `+`), or undefined for those not modelled. */
export function compoundOperator(op: ts.SyntaxKind): ts.BinaryOperator | undefined {
  switch (op) {
    case ts.SyntaxKind.PlusEqualsToken:
      return ts.SyntaxKind.PlusToken;
    case ts.SyntaxKind.MinusEqualsToken:
      return ts.SyntaxKind.MinusToken;
    case ts.SyntaxKind.AsteriskEqualsToken:
      return ts.SyntaxKind.AsteriskToken;
    case ts.SyntaxKind.SlashEqualsToken:
      return ts.SyntaxKind.SlashToken;
    case ts.SyntaxKind.BarBarEqualsToken:
      return ts.SyntaxKind.BarBarToken;
    case ts.SyntaxKind.QuestionQuestionEqualsToken:
      return ts.SyntaxKind.QuestionQuestionToken;
    case ts.SyntaxKind.AmpersandAmpersandEqualsToken:
      return ts.SyntaxKind.AmpersandAmpersandToken;
    default:
      return undefined;
  }
}
