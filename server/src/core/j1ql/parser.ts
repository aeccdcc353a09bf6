/**
 * A recursive-descent J1QL parser. It reports the first syntax error precisely (server wording: `Unexpected token
 * "X"`, `Unexpected end of query, expected ...`) and collects the class/type references it has seen up to there.
 * Where the documentation leaves a form open (WITH on a relationship, AS before or after WITH) it accepts it: a
 * false syntax error on a valid query is worse than a missed one.
 */
import type {
  J1qlComparisonOperator,
  J1qlCondition,
  J1qlEntitySelector,
  J1qlEntityTarget,
  J1qlExpression,
  J1qlIdentifier,
  J1qlOrderBy,
  J1qlOrderItem,
  J1qlQuery,
  J1qlReturn,
  J1qlReturnItem,
  J1qlTraversal,
  J1qlTraversalStep,
  J1qlVerb,
} from './ast';
import { isComparisonOp, tokenize, type LexError, type Token } from './lexer';
import type { J1qlError, J1qlParseResult, J1qlReference } from './types';

/** Keywords that end a clause: never an entity, verb, alias or property name. */
const RESERVED = new Set(['FIND', 'WITH', 'AND', 'OR', 'THAT', 'AS', 'WHERE', 'RETURN', 'ORDER', 'SKIP', 'LIMIT']);

const DURATION_UNITS = new Set([
  'ms',
  'millisecond',
  'milliseconds',
  'second',
  'seconds',
  'minute',
  'minutes',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
]);

/** What the parser wanted when it hit the end of the query (used by completion). */
export type Expectation = 'entity' | 'verb' | 'value' | 'property' | 'alias' | 'other';

class ParseFailure {
  constructor(
    readonly error: J1qlError,
    readonly atEof: boolean,
    readonly expectation: Expectation,
  ) {}
}

export interface ParseOutcome extends J1qlParseResult {
  /** Set when the query ended where something was still required. */
  endExpectation?: Expectation;
}

/** A class is TitleCase, a type snake_case: the first letter decides, as J1QL's FIND does. */
export function entityKindOf(name: string): 'type' | 'class' {
  const c = name.charCodeAt(0);
  return c >= 65 && c <= 90 ? 'class' : 'type';
}

/** Parentheses deeper than this are refused, so that recursion stays far from the stack limit. */
const MAX_DEPTH = 64;

class Parser {
  private pos = 0;
  private depth = 0;
  readonly references: J1qlReference[] = [];

  constructor(private readonly tokens: Token[]) {}

  // ---- token helpers -------------------------------------------------------------------------------------------

  private get tok(): Token {
    return this.tokens[this.pos]!;
  }

  private peek(offset = 1): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private advance(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private get previousEnd(): number {
    return this.pos > 0 ? this.tokens[this.pos - 1]!.end : 0;
  }

  private isKeyword(word: string, t: Token = this.tok): boolean {
    return t.kind === 'word' && t.text.toUpperCase() === word;
  }

  private isPunct(p: string, t: Token = this.tok): boolean {
    return t.kind === 'punct' && t.text === p;
  }

  private isOp(p: string, t: Token = this.tok): boolean {
    return t.kind === 'op' && t.text === p;
  }

  private isReserved(t: Token = this.tok): boolean {
    return t.kind === 'word' && RESERVED.has(t.text.toUpperCase());
  }

  private fail(expected: string, expectation: Expectation = 'other'): never {
    const t = this.tok;
    if (t.kind === 'eof') {
      const at = this.previousEnd;
      throw new ParseFailure({ message: `Unexpected end of query, expected ${expected}`, start: at, end: at, expected }, true, expectation);
    }
    throw new ParseFailure({ message: `Unexpected token "${t.text}"`, start: t.start, end: t.end, expected }, false, expectation);
  }

  /** Runs `body` one parenthesis level deeper. */
  private nested<T>(body: () => T): T {
    if (this.depth >= MAX_DEPTH) this.fail(`at most ${MAX_DEPTH} nested parentheses`);
    this.depth++;
    try {
      return body();
    } finally {
      this.depth--;
    }
  }

  private expectKeyword(word: string): Token {
    if (!this.isKeyword(word)) this.fail(word);
    return this.advance();
  }

  private expectPunct(p: string): Token {
    if (!this.isPunct(p)) this.fail(`"${p}"`);
    return this.advance();
  }

  // ---- query ---------------------------------------------------------------------------------------------------

  parseQuery(): J1qlQuery {
    const findTok = this.expectKeyword('FIND');
    let unique = false;
    if (this.isKeyword('UNIQUE')) {
      unique = true;
      this.advance();
    }
    const find = this.parseSelector('find');
    const traversals = this.parseTraversalSteps(false);
    const query: J1qlQuery = { kind: 'query', unique, find, traversals, start: findTok.start, end: find.end };
    if (this.isKeyword('WHERE')) {
      this.advance();
      query.where = this.parseCondition();
    }
    if (this.isKeyword('RETURN')) query.return = this.parseReturn();
    // ORDER BY, SKIP and LIMIT: each once, in the documented order or not (the server's order is not documented).
    for (;;) {
      if (this.isKeyword('ORDER') && !query.orderBy) query.orderBy = this.parseOrderBy();
      else if (this.isKeyword('SKIP') && !query.skip) {
        this.advance();
        query.skip = this.parseCount();
      } else if (this.isKeyword('LIMIT') && !query.limit) {
        this.advance();
        query.limit = this.parseCount();
      } else break;
    }
    if (this.tok.kind !== 'eof') this.fail('THAT, WHERE, RETURN, ORDER BY, SKIP, LIMIT or the end of the query');
    query.end = this.previousEnd;
    return query;
  }

  private parseCount(): J1qlExpression {
    const t = this.tok;
    if (t.kind === 'number') {
      this.advance();
      return { kind: 'number', value: Number(t.text), start: t.start, end: t.end };
    }
    if (t.kind === 'parameter') {
      this.advance();
      return { kind: 'parameter', name: t.value, start: t.start, end: t.end };
    }
    if (t.kind === 'placeholder') {
      this.advance();
      return { kind: 'placeholder', text: t.text, start: t.start, end: t.end };
    }
    return this.fail('a number', 'value');
  }

  // ---- entity selectors ----------------------------------------------------------------------------------------

  private startsEntityTarget(t: Token): boolean {
    if (t.kind === 'word') return !RESERVED.has(t.text.toUpperCase());
    return (
      t.kind === 'smart' ||
      t.kind === 'placeholder' ||
      t.kind === 'string' ||
      (t.kind === 'punct' && (t.text === '*' || t.text === '('))
    );
  }

  private parseSelector(clause: 'find' | 'that'): J1qlEntitySelector {
    const start = this.tok.start;
    let targets: J1qlEntityTarget[];
    let alternatives = false;
    if (this.isPunct('(')) {
      alternatives = true;
      this.advance();
      targets = [this.parseEntityTarget(clause)];
      while (this.isPunct('|')) {
        this.advance();
        targets.push(this.parseEntityTarget(clause));
      }
      this.expectPunct(')');
    } else {
      targets = [this.parseEntityTarget(clause)];
    }
    const selector: J1qlEntitySelector = { kind: 'selector', targets, alternatives, start, end: this.previousEnd };
    // AS and WITH, each at most once, in either order.
    for (;;) {
      if (this.isKeyword('AS') && !selector.alias) {
        this.advance();
        selector.alias = this.parseAliasName(false);
      } else if (this.isKeyword('WITH') && !selector.with) {
        this.advance();
        selector.with = this.parseCondition();
      } else break;
    }
    selector.end = this.previousEnd;
    return selector;
  }

  private parseEntityTarget(clause: 'find' | 'that'): J1qlEntityTarget {
    const t = this.tok;
    switch (t.kind) {
      case 'word':
        if (this.isReserved(t)) break;
        this.advance();
        this.references.push({ kind: entityKindOf(t.text), name: t.text, start: t.start, end: t.end, clause });
        return { kind: 'entity', name: t.text, entityKind: entityKindOf(t.text), start: t.start, end: t.end };
      case 'smart':
        this.advance();
        return { kind: 'smartClass', name: t.value, start: t.start, end: t.end };
      case 'placeholder':
        this.advance();
        return { kind: 'placeholder', text: t.text, start: t.start, end: t.end };
      case 'string':
        if (clause !== 'find') break;
        this.advance();
        return { kind: 'fullText', value: t.value, start: t.start, end: t.end };
      case 'punct':
        if (t.text === '*') {
          this.advance();
          return { kind: 'any', start: t.start, end: t.end };
        }
        break;
      default:
        break;
    }
    return this.fail('a class or type', 'entity');
  }

  private parseAliasName(allowString: boolean): J1qlIdentifier {
    const t = this.tok;
    if (t.kind === 'word' && !this.isReserved(t)) {
      this.advance();
      return { kind: 'identifier', name: t.text, start: t.start, end: t.end };
    }
    if (allowString && t.kind === 'string') {
      this.advance();
      return { kind: 'identifier', name: t.value, quoted: true, start: t.start, end: t.end };
    }
    return this.fail('an alias name', 'alias');
  }

  // ---- traversals ----------------------------------------------------------------------------------------------

  /** THAT steps and `(THAT ...)?` groups; inside a group, stops at its `)`. */
  private parseTraversalSteps(insideOptional: boolean): J1qlTraversalStep[] {
    const steps: J1qlTraversalStep[] = [];
    for (;;) {
      if (this.isKeyword('THAT')) {
        steps.push(this.parseTraversal());
      } else if (!insideOptional && this.isPunct('(') && this.isKeyword('THAT', this.peek())) {
        const open = this.advance();
        const inner = this.parseTraversalSteps(true) as J1qlTraversal[];
        if (inner.length === 0) this.fail('THAT');
        this.expectPunct(')');
        this.expectPunct('?');
        steps.push({ kind: 'optional', traversals: inner, start: open.start, end: this.previousEnd });
      } else {
        return steps;
      }
    }
  }

  private parseTraversal(): J1qlTraversal {
    const thatTok = this.expectKeyword('THAT');
    let negated = false;
    let direction: '>>' | '<<' | undefined;
    const arrow = () => {
      if (direction === undefined && (this.isOp('>>') || this.isOp('<<'))) direction = this.advance().text as '>>' | '<<';
    };
    arrow();
    if (this.isPunct('!')) {
      negated = true;
      this.advance();
    }
    const verbs: J1qlVerb[] = [];
    if (this.isPunct('(')) {
      this.advance();
      verbs.push(this.parseVerb());
      while (this.isPunct('|')) {
        this.advance();
        verbs.push(this.parseVerb());
      }
      this.expectPunct(')');
    } else {
      verbs.push(this.parseVerb());
    }
    arrow();
    let relationshipAlias: J1qlIdentifier | undefined;
    if (this.isKeyword('AS')) {
      this.advance();
      relationshipAlias = this.parseAliasName(false);
      arrow();
    }
    let relationshipWith: J1qlCondition | undefined;
    if (this.isKeyword('WITH')) {
      this.advance();
      relationshipWith = this.parseCondition();
      arrow();
    }
    const target = this.parseSelector('that');
    const traversal: J1qlTraversal = { kind: 'traversal', negated, verbs, target, start: thatTok.start, end: target.end };
    if (direction) traversal.direction = direction;
    if (relationshipAlias) traversal.relationshipAlias = relationshipAlias;
    if (relationshipWith) traversal.relationshipWith = relationshipWith;
    return traversal;
  }

  private parseVerb(): J1qlVerb {
    const t = this.tok;
    if (t.kind === 'placeholder') {
      this.advance();
      return { kind: 'verb', name: t.text, placeholder: true, start: t.start, end: t.end };
    }
    if (t.kind !== 'word' || this.isReserved(t)) return this.fail('a relationship verb', 'verb');
    this.advance();
    const name = t.text.toUpperCase();
    if (name === 'RELATES' && this.isKeyword('TO')) {
      const to = this.advance();
      return { kind: 'verb', name: 'RELATES TO', start: t.start, end: to.end };
    }
    return { kind: 'verb', name, start: t.start, end: t.end };
  }

  // ---- conditions ----------------------------------------------------------------------------------------------

  private parseCondition(): J1qlCondition {
    let left = this.parseConditionAnd();
    while (this.isKeyword('OR')) {
      this.advance();
      const right = this.parseConditionAnd();
      left = { kind: 'logical', operator: 'OR', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseConditionAnd(): J1qlCondition {
    let left = this.parseConditionPrimary();
    while (this.isKeyword('AND')) {
      this.advance();
      const right = this.parseConditionPrimary();
      left = { kind: 'logical', operator: 'AND', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseConditionPrimary(): J1qlCondition {
    // `(a = 1 OR b = 2)` groups conditions, `(a.x + 1) > 2` starts an operand: the token after the matching `)`
    // decides (no backtracking, so nested parentheses stay linear).
    if (this.isPunct('(') && !this.parenStartsOperand()) {
      return this.nested(() => {
        const open = this.advance();
        const condition = this.parseCondition();
        this.expectPunct(')');
        return { kind: 'conditionGroup', condition, start: open.start, end: this.previousEnd };
      });
    }
    return this.parseComparison();
  }

  private parenStartsOperand(): boolean {
    let depth = 0;
    for (let i = this.pos; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.kind === 'eof') return false;
      if (t.kind !== 'punct') continue;
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) {
        const after = this.tokens[i + 1]!;
        return after.kind === 'op' && (isComparisonOp(after.text) || '+-/'.includes(after.text)) || this.isPunct('*', after);
      }
    }
    return false;
  }

  private parseComparison(): J1qlCondition {
    const left = this.parseExpression('property');
    const opTok = this.tok;
    if (opTok.kind !== 'op' || !isComparisonOp(opTok.text)) return this.fail('a comparison operator');
    this.advance();
    const right = this.parseExpression('value');
    return {
      kind: 'comparison',
      left,
      operator: opTok.text as J1qlComparisonOperator,
      operatorStart: opTok.start,
      right,
      start: left.start,
      end: right.end,
    };
  }

  // ---- expressions ---------------------------------------------------------------------------------------------

  private parseExpression(expectation: Expectation): J1qlExpression {
    let left = this.parseTerm(expectation);
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.advance().text as '+' | '-';
      const right = this.parseTerm('value');
      left = { kind: 'math', operator: op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseTerm(expectation: Expectation): J1qlExpression {
    let left = this.parseUnary(expectation);
    while (this.isPunct('*') || this.isOp('/')) {
      const op = this.advance().text as '*' | '/';
      const right = this.parseUnary('value');
      left = { kind: 'math', operator: op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(expectation: Expectation): J1qlExpression {
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.advance();
      const operand = this.nested(() => this.parseUnary('value'));
      return { kind: 'unary', operator: op.text as '-' | '+', operand, start: op.start, end: operand.end };
    }
    return this.parsePrimary(expectation);
  }

  private parsePrimary(expectation: Expectation): J1qlExpression {
    const t = this.tok;
    switch (t.kind) {
      case 'string':
        this.advance();
        return { kind: 'string', value: t.value, quote: t.text[0] === "'" ? "'" : '"', start: t.start, end: t.end };
      case 'number': {
        this.advance();
        const value = Number(t.text);
        const unit = this.tok;
        if (unit.kind === 'word' && DURATION_UNITS.has(unit.text.toLowerCase())) {
          this.advance();
          return { kind: 'duration', amount: value, unit: unit.text.toLowerCase(), start: t.start, end: unit.end };
        }
        return { kind: 'number', value, start: t.start, end: t.end };
      }
      case 'parameter':
        this.advance();
        return { kind: 'parameter', name: t.value, start: t.start, end: t.end };
      case 'placeholder':
        this.advance();
        return { kind: 'placeholder', text: t.text, start: t.start, end: t.end };
      case 'date':
        this.advance();
        return { kind: 'date', raw: t.value, start: t.start, end: t.end };
      case 'regex':
        this.advance();
        return { kind: 'regex', pattern: t.value, flags: t.flags ?? '', start: t.start, end: t.end };
      case 'bracket':
        return this.parsePath();
      case 'punct':
        if (t.text === '(') return this.nested(() => this.parseParenOrList());
        if (t.text === '*') {
          this.advance();
          return { kind: 'star', start: t.start, end: t.end };
        }
        break;
      case 'word': {
        if (this.isReserved(t)) break;
        const upper = t.text.toUpperCase();
        const next = this.peek();
        if (upper === 'DATE' && this.isPunct('.', next) && this.peek(2).kind === 'word' && this.peek(2).text.toLowerCase() === 'now') {
          this.advance();
          this.advance();
          const now = this.advance();
          return { kind: 'dateNow', start: t.start, end: now.end };
        }
        if (this.isPunct('(', next)) return this.nested(() => this.parseCall());
        if (!this.isPunct('.', next)) {
          if (upper === 'TRUE' || upper === 'FALSE') {
            this.advance();
            return { kind: 'boolean', value: upper === 'TRUE', start: t.start, end: t.end };
          }
          if (upper === 'UNDEFINED') {
            this.advance();
            return { kind: 'undefined', start: t.start, end: t.end };
          }
        }
        return this.parsePath();
      }
      default:
        break;
    }
    return this.fail(expectation === 'property' ? 'a property name' : 'a value', expectation);
  }

  /** `a.b.c`, `[x-y]`, `alias.[x-y]`, `alias.*` */
  private parsePath(): J1qlExpression {
    const first = this.advance();
    const path = [first.kind === 'bracket' ? first.value : first.text];
    while (this.isPunct('.')) {
      this.advance();
      const seg = this.tok;
      if (seg.kind === 'word' || seg.kind === 'bracket') {
        this.advance();
        path.push(seg.kind === 'bracket' ? seg.value : seg.text);
        continue;
      }
      if (this.isPunct('*')) {
        this.advance();
        path.push('*');
        break;
      }
      this.fail('a property name', 'property');
    }
    return { kind: 'property', path, start: first.start, end: this.previousEnd };
  }

  private parseCall(): J1qlExpression {
    const name = this.advance();
    this.expectPunct('(');
    const args: J1qlExpression[] = [];
    if (!this.isPunct(')')) {
      args.push(this.parseExpression('value'));
      while (this.isPunct(',')) {
        this.advance();
        args.push(this.parseExpression('value'));
      }
    }
    this.expectPunct(')');
    return { kind: 'call', name: name.text.toUpperCase(), args, start: name.start, end: this.previousEnd };
  }

  /** `(expr)` or a value list `('a' OR 'b' ...)` / `('a' AND 'b')`. */
  private parseParenOrList(): J1qlExpression {
    const open = this.advance();
    const first = this.parseExpression('value');
    if (this.isKeyword('OR') || this.isKeyword('AND')) {
      const operator = this.tok.text.toUpperCase() as 'AND' | 'OR';
      const items = [first];
      while (this.isKeyword('OR') || this.isKeyword('AND')) {
        this.advance();
        items.push(this.parseExpression('value'));
      }
      this.expectPunct(')');
      return { kind: 'list', operator, items, start: open.start, end: this.previousEnd };
    }
    this.expectPunct(')');
    return { kind: 'paren', expression: first, start: open.start, end: this.previousEnd };
  }

  // ---- RETURN / ORDER BY ---------------------------------------------------------------------------------------

  private parseReturn(): J1qlReturn {
    const ret = this.expectKeyword('RETURN');
    if (this.isKeyword('TREE') && !this.isPunct('.', this.peek()) && !this.isPunct(',', this.peek())) {
      this.advance();
      return { kind: 'return', tree: true, items: [], start: ret.start, end: this.previousEnd };
    }
    const items: J1qlReturnItem[] = [this.parseReturnItem()];
    while (this.isPunct(',')) {
      this.advance();
      items.push(this.parseReturnItem());
    }
    return { kind: 'return', tree: false, items, start: ret.start, end: this.previousEnd };
  }

  private parseReturnItem(): J1qlReturnItem {
    const expression = this.parseExpression('value');
    const item: J1qlReturnItem = { kind: 'returnItem', expression, start: expression.start, end: expression.end };
    if (this.isKeyword('AS')) {
      this.advance();
      item.alias = this.parseAliasName(true);
      item.end = item.alias.end;
    }
    return item;
  }

  private parseOrderBy(): J1qlOrderBy {
    const order = this.expectKeyword('ORDER');
    this.expectKeyword('BY');
    const items: J1qlOrderItem[] = [];
    do {
      if (items.length > 0) this.advance();
      const expression = this.parseExpression('value');
      const item: J1qlOrderItem = { kind: 'orderItem', expression, start: expression.start, end: expression.end };
      if (this.isKeyword('ASC') || this.isKeyword('DESC')) {
        const dir = this.advance();
        item.direction = dir.text.toUpperCase() as 'ASC' | 'DESC';
        item.end = dir.end;
      }
      items.push(item);
    } while (this.isPunct(','));
    return { kind: 'orderBy', items, start: order.start, end: this.previousEnd };
  }
}

function fromLexError(e: LexError): J1qlError {
  return e.expected === undefined ? { message: e.message, start: e.start, end: e.end } : { ...e };
}

function isShortestPath(tokens: Token[]): boolean {
  const words = tokens.slice(0, 3).map((t) => t.text.toUpperCase());
  return words[0] === 'FIND' && words[1] === 'SHORTEST' && words[2] === 'PATH';
}

export function parse(query: string): ParseOutcome {
  const { tokens, error: lexError } = tokenize(query);
  // JupiterOne also answers `FIND SHORTEST PATH ...`, a form whose grammar it does not publish: such a query is
  // not checked (no error, no references) rather than flagged with a guess.
  if (isShortestPath(tokens)) return { ast: undefined, errors: [], references: [], unchecked: 'FIND SHORTEST PATH' };
  const parser = new Parser(tokens);
  try {
    const ast = parser.parseQuery();
    if (lexError) return { ast: undefined, errors: [fromLexError(lexError)], references: parser.references };
    return { ast, errors: [], references: parser.references };
  } catch (e) {
    if (!(e instanceof ParseFailure)) {
      // A bug in the parser must not take the caller down: report it where the query starts.
      return { ast: undefined, errors: [{ message: `J1QL parser error: ${String(e)}`, start: 0, end: 0 }], references: parser.references };
    }
    // The parser ran out of tokens where the lexer stopped: the lexer's error is the real one.
    if (lexError && e.atEof) return { ast: undefined, errors: [fromLexError(lexError)], references: parser.references };
    const outcome: ParseOutcome = { ast: undefined, errors: [e.error], references: parser.references };
    if (e.atEof && !lexError) outcome.endExpectation = e.expectation;
    return outcome;
  }
}
