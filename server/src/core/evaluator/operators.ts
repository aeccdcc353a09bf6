import { ts } from '../project/ts';
import type { SourceRange } from '../model/types';
import { fromPrimitive, NOT_PRIMITIVE, primitive, truthiness, unknown, type Value } from './values';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

/** Binary operators over known primitives, computed by JavaScript itself so edge cases match. */
export function binaryOperation(op: ts.BinaryOperator | ts.SyntaxKind, left: Value, right: Value, at: SourceRange): Value {
  if (left.k === 'unknown') return { ...left, at: left.at ?? at };
  if (right.k === 'unknown') return { ...right, at: right.at ?? at };
  const l = primitive(left);
  const r = primitive(right);
  if (op === SK.EqualsEqualsEqualsToken || op === SK.ExclamationEqualsEqualsToken) {
    let same: boolean;
    if (l !== NOT_PRIMITIVE && r !== NOT_PRIMITIVE) same = l === r;
    else if (l === NOT_PRIMITIVE && r === NOT_PRIMITIVE) same = left === right;
    else same = false;
    return fromPrimitive(op === SK.EqualsEqualsEqualsToken ? same : !same, at);
  }
  if (l === NOT_PRIMITIVE || r === NOT_PRIMITIVE) return unknown('operator on a non-primitive value is not modelled', at);
  const a = l as never;
  const b = r as never;
  switch (op) {
    case SK.PlusToken:
      return fromPrimitive((a as string) + (b as string), at);
    case SK.MinusToken:
      return fromPrimitive(a - b, at);
    case SK.AsteriskToken:
      return fromPrimitive(a * b, at);
    case SK.SlashToken:
      return fromPrimitive(a / b, at);
    case SK.PercentToken:
      return fromPrimitive(a % b, at);
    case SK.EqualsEqualsToken:
      return fromPrimitive(a == b, at);
    case SK.ExclamationEqualsToken:
      return fromPrimitive(a != b, at);
    case SK.LessThanToken:
      return fromPrimitive(a < b, at);
    case SK.LessThanEqualsToken:
      return fromPrimitive(a <= b, at);
    case SK.GreaterThanToken:
      return fromPrimitive(a > b, at);
    case SK.GreaterThanEqualsToken:
      return fromPrimitive(a >= b, at);
    case SK.BarBarToken:
      return truthiness(left) ? left : right;
    case SK.QuestionQuestionToken:
      return l === null || l === undefined ? right : left;
    default:
      return unknown(`operator ${ts.SyntaxKind[op]} is not modelled`, at);
  }
}

export function unaryOperation(op: ts.PrefixUnaryOperator, operand: Value, at: SourceRange): Value {
  if (op === SK.ExclamationToken) {
    const t = truthiness(operand);
    return t === undefined ? unknown(operand.k === 'unknown' ? operand.reason : 'operand known only at run time', at) : fromPrimitive(!t, at);
  }
  if (operand.k === 'unknown') return operand;
  const v = primitive(operand);
  if (v === NOT_PRIMITIVE) return unknown('unary operator on a non-primitive value', at);
  switch (op) {
    case SK.MinusToken:
      return fromPrimitive(-(v as number), at);
    case SK.PlusToken:
      return fromPrimitive(+(v as number), at);
    default:
      return unknown(`operator ${ts.SyntaxKind[op]} is not modelled`, at);
  }
}

/** The binary operator behind a compound assignment (`+=` -> `+`), or undefined for those not modelled. */
export function compoundOperator(op: ts.SyntaxKind): ts.BinaryOperator | undefined {
  switch (op) {
    case SK.PlusEqualsToken:
      return SK.PlusToken;
    case SK.MinusEqualsToken:
      return SK.MinusToken;
    case SK.AsteriskEqualsToken:
      return SK.AsteriskToken;
    case SK.SlashEqualsToken:
      return SK.SlashToken;
    case SK.BarBarEqualsToken:
      return SK.BarBarToken;
    case SK.QuestionQuestionEqualsToken:
      return SK.QuestionQuestionToken;
    case SK.AmpersandAmpersandEqualsToken:
      return SK.AmpersandAmpersandToken;
    default:
      return undefined;
  }
}
