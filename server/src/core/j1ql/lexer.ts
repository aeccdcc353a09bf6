/**
 * J1QL tokens. The whole query is tokenised up front (queries are short); the lexer stops at its first error and
 * reports it, the parser then sees an end of input there.
 */

export type TokenKind =
  | 'word' // identifiers and keywords: [A-Za-z_][A-Za-z0-9_]*
  | 'number'
  | 'string'
  | 'placeholder' // {{x}} or ${x}
  | 'parameter' // ${ param.x }
  | 'smart' // #Name
  | 'bracket' // [property-name]
  | 'date' // date(...)
  | 'regex' // /pattern/flags after a string operator
  | 'op' // comparison, arrows, math
  | 'punct' // ( ) | , . * ? !
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  /** Decoded value: string contents, placeholder/parameter/smart/bracket/date name, regex pattern. */
  value: string;
  start: number;
  end: number;
  /** For regex tokens, the flags. */
  flags?: string;
}

export interface LexError {
  message: string;
  start: number;
  end: number;
  expected?: string;
}

export interface LexResult {
  tokens: Token[];
  error?: LexError;
}

const COMPARISON_OPS = new Set(['=', '!=', '<', '<=', '>', '>=', '~=', '^=', '$=', '!~=', '!^=', '!$=']);

function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isWordChar(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

const PARAMETER = /^\s*param\.([A-Za-z0-9_]+)\s*$/;

export function isComparisonOp(text: string): boolean {
  return COMPARISON_OPS.has(text);
}

/** What the error names for a character: the character, or the surrogate pair it starts. */
function charAt(s: string, i: number): string {
  const c = s.codePointAt(i) ?? 0;
  return String.fromCodePoint(c);
}

export function tokenize(source: string): LexResult {
  const tokens: Token[] = [];
  const n = source.length;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value?: string, flags?: string) => {
    const text = source.slice(start, end);
    tokens.push({ kind, text, value: value ?? text, start, end, ...(flags === undefined ? {} : { flags }) });
  };
  const fail = (error: LexError): LexResult => {
    tokens.push({ kind: 'eof', text: '', value: '', start: error.start, end: error.start });
    return { tokens, error };
  };

  while (i < n) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    // Block comments: /* ... */
    if (c === 47 /* / */ && source.charCodeAt(i + 1) === 42 /* * */) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) {
        return fail({ message: 'Unexpected end of query, expected "*/"', start, end: n, expected: '"*/" to close the comment' });
      }
      i = close + 2;
      continue;
    }
    if (isWordStart(c)) {
      i++;
      while (i < n && isWordChar(source.charCodeAt(i))) i++;
      const word = source.slice(start, i);
      // date(...) literal: its content is raw text (2019-10-30T00:00:00Z would not tokenize).
      if (word.toLowerCase() === 'date') {
        let j = i;
        while (j < n && isSpace(source.charCodeAt(j))) j++;
        if (source.charCodeAt(j) === 40 /* ( */) {
          const close = source.indexOf(')', j + 1);
          if (close < 0) {
            return fail({ message: 'Unexpected end of query, expected ")"', start, end: n, expected: '")" to close date(...)' });
          }
          i = close + 1;
          push('date', start, i, source.slice(j + 1, close).trim());
          continue;
        }
      }
      push('word', start, i);
      continue;
    }
    if (isDigit(c)) {
      i++;
      while (i < n && isDigit(source.charCodeAt(i))) i++;
      if (source.charCodeAt(i) === 46 /* . */ && isDigit(source.charCodeAt(i + 1))) {
        i += 2;
        while (i < n && isDigit(source.charCodeAt(i))) i++;
      }
      push('number', start, i);
      continue;
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      i++;
      let value = '';
      let closed = false;
      while (i < n) {
        const d = source.charCodeAt(i);
        if (d === 92 /* \ */ && i + 1 < n) {
          value += source[i + 1];
          i += 2;
          continue;
        }
        if (d === c) {
          closed = true;
          i++;
          break;
        }
        value += source[i];
        i++;
      }
      if (!closed) {
        const q = String.fromCharCode(c);
        return fail({
          message: `Unexpected end of query, expected ${q === '"' ? "'\"'" : '"\'"'}`,
          start,
          end: n,
          expected: `${q} to close the string`,
        });
      }
      push('string', start, i, value);
      continue;
    }
    // Template placeholders {{ x }}.
    if (c === 123 /* { */ && source.charCodeAt(i + 1) === 123) {
      const close = source.indexOf('}}', i + 2);
      if (close < 0) {
        return fail({ message: 'Unexpected end of query, expected "}}"', start, end: n, expected: '"}}" to close the placeholder' });
      }
      i = close + 2;
      push('placeholder', start, i, source.slice(start + 2, close).trim());
      continue;
    }
    if (c === 36 /* $ */ && source.charCodeAt(i + 1) === 123 /* { */) {
      const close = source.indexOf('}', i + 2);
      if (close < 0) {
        return fail({ message: 'Unexpected end of query, expected "}"', start, end: n, expected: '"}" to close the parameter' });
      }
      i = close + 1;
      const inner = source.slice(start + 2, close);
      const param = PARAMETER.exec(inner);
      if (param) push('parameter', start, i, param[1]);
      else push('placeholder', start, i, inner.trim());
      continue;
    }
    if (c === 35 /* # */) {
      i++;
      while (i < n && isWordChar(source.charCodeAt(i))) i++;
      if (i === start + 1) return fail({ message: 'Unexpected token "#"', start, end: start + 1 });
      push('smart', start, i, source.slice(start + 1, i));
      continue;
    }
    if (c === 91 /* [ */) {
      const close = source.indexOf(']', i + 1);
      if (close < 0) {
        return fail({ message: 'Unexpected end of query, expected "]"', start, end: n, expected: '"]" to close the property name' });
      }
      i = close + 1;
      push('bracket', start, i, source.slice(start + 1, close).trim());
      continue;
    }
    // A regular expression where a value follows a string operator: `name ~= /^adm/i`.
    if (c === 47 /* / */) {
      const prev = tokens[tokens.length - 1];
      if (prev && prev.kind === 'op' && COMPARISON_OPS.has(prev.text)) {
        let j = i + 1;
        let closed = false;
        while (j < n) {
          const d = source.charCodeAt(j);
          if (d === 92 && j + 1 < n) {
            j += 2;
            continue;
          }
          if (d === 47) {
            closed = true;
            break;
          }
          if (d === 10) break;
          j++;
        }
        if (closed) {
          let k = j + 1;
          while (k < n && isWordStart(source.charCodeAt(k))) k++;
          push('regex', start, k, source.slice(i + 1, j), source.slice(j + 1, k));
          i = k;
          continue;
        }
      }
    }
    // Operators, longest first.
    const three = source.slice(i, i + 3);
    if (three === '!~=' || three === '!^=' || three === '!$=') {
      i += 3;
      push('op', start, i);
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=' || two === '~=' || two === '^=' || two === '$=' || two === '>>' || two === '<<') {
      i += 2;
      push('op', start, i);
      continue;
    }
    if (c === 61 || c === 60 || c === 62 || c === 43 || c === 45 || c === 47) {
      // = < > + - /
      i++;
      push('op', start, i);
      continue;
    }
    if (c === 40 || c === 41 || c === 124 || c === 44 || c === 46 || c === 42 || c === 63 || c === 33) {
      // ( ) | , . * ? !
      i++;
      push('punct', start, i);
      continue;
    }
    const ch = charAt(source, i);
    return fail({ message: `Unexpected token "${ch}"`, start, end: start + ch.length });
  }
  tokens.push({ kind: 'eof', text: '', value: '', start: n, end: n });
  return { tokens };
}
