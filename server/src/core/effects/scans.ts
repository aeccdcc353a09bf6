import { ts } from '../project/ts';
import type { ModuleRecord } from '../evaluator/moduleRecord';

/** SyntaxKind read once: each `ts.SyntaxKind` access goes through a module getter. */
const SK = ts.SyntaxKind;

const assignedCache = new WeakMap<ts.Node, string[]>();

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= SK.FirstAssignment && kind <= SK.LastAssignment;
}

function patternNames(node: ts.Node, out: Set<string>): void {
  if (ts.isIdentifier(node)) out.add(node.text);
  else if (ts.isObjectLiteralExpression(node)) {
    for (const p of node.properties) {
      if (ts.isShorthandPropertyAssignment(p)) out.add(p.name.text);
      else if (ts.isPropertyAssignment(p)) patternNames(p.initializer, out);
      else if (ts.isSpreadAssignment(p)) patternNames(p.expression, out);
    }
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const e of node.elements) patternNames(ts.isSpreadElement(e) ? e.expression : e, out);
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === SK.EqualsToken) {
    patternNames(node.left, out);
  } else if (ts.isParenthesizedExpression(node)) patternNames(node.expression, out);
}

/**
 * Names of variables that `node` assigns (`x = ...`, `x++`, `for (x of ...)`), nested functions
 * included: a callback may change the variables it closes over whenever it runs.
 */
export function assignedNames(node: ts.Node): string[] {
  const cached = assignedCache.get(node);
  if (cached) return cached;
  const names = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (n !== node && ts.isFunctionLike(n)) {
      // A nested callback is asked for on its own when it is walked: its names are computed (and kept) once.
      for (const name of assignedNames(n)) names.add(name);
      return;
    }
    if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) patternNames(n.left, names);
    else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === SK.PlusPlusToken || n.operator === SK.MinusMinusToken)) {
      patternNames(n.operand, names);
    } else if ((ts.isForOfStatement(n) || ts.isForInStatement(n)) && !ts.isVariableDeclarationList(n.initializer)) {
      patternNames(n.initializer, names);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  const result = [...names];
  assignedCache.set(node, result);
  return result;
}

const jumpCache = new WeakMap<ts.Node, boolean>();

/** Whether a loop body may leave early (break, continue, return, throw) outside nested functions. */
export function hasJumps(node: ts.Node): boolean {
  const cached = jumpCache.get(node);
  if (cached !== undefined) return cached;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isBreakStatement(n) || ts.isContinueStatement(n) || ts.isReturnStatement(n) || ts.isThrowStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  jumpCache.set(node, found);
  return found;
}

const mutableCache = new WeakMap<ModuleRecord, Map<string, boolean>>();

/** After a name: property accesses, then an assignment, an update, or a call of a mutating method. */
const CHAIN = String.raw`(?:\s*(?:\??\.\s*[\w$]+|\[[^\]\n]*\]))*`;
const WRITE_AFTER = new RegExp(
  String.raw`^${CHAIN}\s*(?:(?:[-+*/%&|^]|\*\*|<<|>>>?|\|\||&&|\?\?)?=(?![=>])|\+\+|--)` +
    String.raw`|^${CHAIN}?\s*\??\.\s*(?:push|unshift|splice|pop|shift|sort|reverse|fill|copyWithin|set|add|delete|clear)\s*\(`,
);
/** Characters an assignment or update operator starts with (WRITE_AFTER after the member chain). */
const OPERATOR_START = new Set(['?', '-', '+', '*', '/', '%', '&', '|', '^', '<', '>', '=']);

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

/**
 * True when WRITE_AFTER cannot match the 240 characters at `end`: a chain of \`.name\` / \`?.name\` follows
 * (no mutating method call in it) and then no operator. False means "ask the regular expression"
 * (element accesses, a mutating method, an operator, text near the window's end).
 */
function noWriteAfter(text: string, end: number): boolean {
  const limit = Math.min(text.length, end + 200);
  let p = end;
  for (;;) {
    while (p < limit && isSpace(text.charCodeAt(p))) p++;
    if (p >= limit) return false;
    let dot = p;
    if (text[dot] === '?' && text[dot + 1] === '.') dot++;
    if (text[dot] !== '.') break;
    let q = dot + 1;
    while (q < limit && isSpace(text.charCodeAt(q))) q++;
    const start = q;
    while (q < limit && isWordChar(text.charCodeAt(q))) q++;
    if (q === start || q >= limit) return false;
    if (MUTATING_METHODS.has(text.slice(start, q))) return false;
    p = q;
  }
  return !OPERATOR_START.has(text[p]) && text[p] !== '[';
}
/** Whether a character is `\s` in a JavaScript regular expression. */
function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Whether a module-level name's value changes at run time: assigned (`client = new Client()`),
 * updated (`count++`), or mutated through a property or a mutating method (`cache[key] = value`,
 * `seen.add(id)`, `Object.assign(state, ...)`). Its load-time value then says nothing about what a
 * handler reads. Found in the module's text at each occurrence of the name (cheaper than a walk of
 * every file a handler touches); a match at the top level only costs precision.
 */
export function isMutableModuleName(record: ModuleRecord, name: string): boolean {
  let perModule = mutableCache.get(record);
  if (!perModule) mutableCache.set(record, (perModule = new Map()));
  const cached = perModule.get(name);
  if (cached !== undefined) return cached;
  const text = record.file.text;
  let result = false;
  for (let at = text.indexOf(name); at >= 0 && !result; at = text.indexOf(name, at + 1)) {
    // Inside a longer identifier, or a member of something else (`other.name`).
    if (at > 0 && (isWordChar(text.charCodeAt(at - 1)) || text[at - 1] === '.')) continue;
    if (at + name.length < text.length && isWordChar(text.charCodeAt(at + name.length))) continue;
    // Most occurrences are plain reads (`Entities.X,`, `name)`): what follows cannot start a write, and
    // what precedes is no `++`, `--` nor `Object.assign(`: the regular expressions below
    // (run over the same 40 characters before and 240 after) would say the same.
    const end = at + name.length;
    if (noWriteAfter(text, end)) {
      let last = at - 1;
      while (last >= 0 && isSpace(text.charCodeAt(last))) last--;
      const c = text[last];
      if (last < at - 40 || (c !== '+' && c !== '-' && c !== '(')) continue;
    }
    const prefix = text.slice(Math.max(0, at - 40), at);
    if (/(?:const|let|var)\s+$/.test(prefix)) continue; // its declaration
    if (/(?:\+\+|--)\s*$/.test(prefix) || /Object\.assign\(\s*$/.test(prefix)) result = true;
    else result = WRITE_AFTER.test(text.slice(end, end + 240));
  }
  perModule.set(name, result);
  return result;
}

export const MUTATING_METHODS = new Set([
  'push', 'unshift', 'splice', 'pop', 'shift', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear',
]);
