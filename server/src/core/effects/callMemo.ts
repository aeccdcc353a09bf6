import type { ts } from '../project/ts';
import type { Scope } from '../evaluator/scope';
import type { FunctionValue, Value } from '../evaluator/values';
import type { SourceRange } from '../model/types';
import { alternativesOf, dataOf, type AbstractUnknown } from './abstract';

/** Where a remembered result's alternative comes from: an argument of the call (by index; -1 is `this`), or a value of its own. */
type Part = { argument: number } | { value: Value };

interface Entry {
  scope: Scope;
  args: Value[];
  self: Value | undefined;
  /** The call site of the walked call: the result's `at`, where it is that site, moves to the new call's site. */
  at: SourceRange;
  result: Value;
  /** For a choice, its alternatives; else the result itself: each an argument or a value of the call's own. */
  parts: Part[];
  /** How many calls deep the walk went, itself included. */
  height: number;
  /** The functions its walk entered: one of them running at a later call site would cut that walk short there. */
  entered: readonly ts.Node[];
}

/** What a reuse tells the walker: the result, and what walking the call would have entered and how deep. */
export interface Reuse {
  value: Value;
  height: number;
  entered: readonly ts.Node[];
}

/**
 * Reuse of walked calls within one handler's walk, for the helpers real clients call from every request method
 * with nothing but unknown errors and literals (handleApiClientError(err), isQuotaLimitError(err)): walking each
 * call again finds nothing new, and such helpers are most of the walk of a real integration.
 *
 * A call is kept only when walking it again with other such arguments cannot find anything else:
 * - every argument (and `this`) is a primitive, undefined, null, a plain unknown (no choice, no data read), or a
 *   value the walk cannot change (see plainInputs): the walk treats any two plain unknowns alike, so it takes the
 *   same paths;
 * - its walk recorded nothing (no graph object, no read, no config read, no gap), changed nothing that existed
 *   before it, read no module variable that changes at run time, called no closure over the handler's variables,
 *   and was not cut short (the walker marks the frame otherwise);
 * - its result says nothing of this call's arguments but through them: it is an argument itself (substituted on
 *   reuse), or a primitive or plain unknown made inside the function (or at the call site), whose reason repeats
 *   no argument's.
 *
 * It is reused for a call of the same function (code and closure) whose known arguments are equal, whose other
 * values are the same ones, and whose unknown arguments are plain unknowns where the kept call's were, unless
 * walking it again would reach the depth limit.
 */
export class CallMemo {
  private readonly entries = new Map<ts.Node, Entry[]>();

  /**
   * A kept result for this call, if one fits within `room` calls of depth and none of the functions its walk
   * entered is `running` here (the walk would then stop at that recursion).
   */
  lookup(fn: FunctionValue, args: Value[], self: Value | undefined, at: SourceRange, room: number, running: (node: ts.Node) => boolean): Reuse | undefined {
    const list = this.entries.get(fn.node);
    if (!list) return undefined;
    for (const entry of list) {
      if (entry.height > room || entry.entered.some(running) || entry.scope !== fn.scope || !sameInput(entry.self, self) || entry.args.length !== args.length) continue;
      let same = true;
      for (let i = 0; i < args.length && same; i++) same = sameInput(entry.args[i], args[i]);
      if (same) return { value: rebuild(entry, args, self, at), height: entry.height, entered: entry.entered };
    }
    return undefined;
  }

  /** Keeps a clean call (see the class comment) whose result can be rebuilt for another call. */
  store(
    fn: FunctionValue,
    args: Value[],
    self: Value | undefined,
    at: SourceRange,
    result: Value,
    height: number,
    entered: () => readonly ts.Node[],
    unfit: (value: Value) => boolean,
  ): void {
    const parts = partsOf(result, fn, args, self, at, unfit);
    if (!parts) return;
    let list = this.entries.get(fn.node);
    if (!list) this.entries.set(fn.node, (list = []));
    list.push({ scope: fn.scope, args, self, at, result, parts, height, entered: entered() });
  }
}

/**
 * Whether a call with these inputs may be kept: primitives, undefined, null, plain unknowns, and values the walk
 * cannot change (objects and lists the walker did not make, such as module constants and the handler's logger;
 * functions; builtins), which are compared by identity. `unfit` names the objects that may not be inputs.
 */
export function plainInputs(args: Value[], self: Value | undefined, unfit: (value: Value) => boolean): boolean {
  if (self !== undefined && !isPlain(self, unfit)) return false;
  for (let i = 0; i < args.length; i++) if (!isPlain(args[i], unfit)) return false;
  return true;
}

function isPlain(value: Value, unfit: (value: Value) => boolean): boolean {
  switch (value.k) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'null':
    case 'function':
    case 'builtin':
    case 'regexp':
      return true;
    case 'unknown':
      return !alternativesOf(value) && !dataOf(value);
    case 'object':
    case 'array':
      return !unfit(value);
    default:
      return false;
  }
}

/** The same input for the walk: an equal primitive, undefined or null, any plain unknown for a plain unknown, else the same value. */
function sameInput(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.k !== b.k) return false;
  switch (a.k) {
    case 'string':
    case 'number':
    case 'boolean':
      return a.v === (b as typeof a).v;
    case 'undefined':
    case 'null':
      return true;
    case 'unknown':
      return !alternativesOf(b) && !dataOf(b);
    default:
      return false;
  }
}

/** The result's alternatives (or itself) as arguments or own values; undefined when it cannot be rebuilt for another call. */
function partsOf(result: Value, fn: FunctionValue, args: Value[], self: Value | undefined, at: SourceRange, unfit: (value: Value) => boolean): Part[] | undefined {
  const options = alternativesOf(result);
  if (dataOf(result)) return undefined;
  if (options && !ownRange(result.at, fn, at)) return undefined;
  const parts: Part[] = [];
  for (const option of options ?? [result]) {
    const index = args.indexOf(option);
    if (index >= 0 || (self !== undefined && option === self)) {
      parts.push({ argument: index >= 0 ? index : -1 });
      continue;
    }
    // A function made in the call closes over its variables, which hold this call's arguments; an object or a
    // list may hold them too (a builtin's fresh result is not marked as the walker's).
    if (option.k === 'function' || option.k === 'object' || option.k === 'array' || !isPlain(option, unfit)) return undefined;
    if (option.k !== 'builtin' && !ownRange(option.at, fn, at)) return undefined;
    if (option.k === 'unknown' && echoesArgument(option.reason, args, self)) return undefined;
    parts.push({ value: option });
  }
  return parts;
}

/** A range the function itself gives its values: inside its code, or the call site (restamped on reuse). */
function ownRange(range: SourceRange | undefined, fn: FunctionValue, at: SourceRange): boolean {
  if (!range || range === at) return true;
  const file = fn.scope.module.path;
  return range.file === file && range.start >= fn.node.pos && range.end <= fn.node.end;
}

/** Whether a reason repeats an unknown argument's: the result then describes this call's argument. */
function echoesArgument(reason: string, args: Value[], self: Value | undefined): boolean {
  for (const input of self ? [...args, self] : args) if (input.k === 'unknown' && reason.includes(input.reason)) return true;
  return false;
}

function rebuild(entry: Entry, args: Value[], self: Value | undefined, at: SourceRange): Value {
  const move = (value: Value): Value => (value.at === entry.at ? ({ ...value, at } as Value) : value);
  const values = entry.parts.map((part) => ('argument' in part ? (part.argument === -1 ? (self as Value) : args[part.argument]) : move(part.value)));
  if (!alternativesOf(entry.result)) return values[0];
  const choice: AbstractUnknown = { ...(entry.result as AbstractUnknown), at: entry.result.at === entry.at ? at : entry.result.at, alternatives: values };
  return choice;
}
