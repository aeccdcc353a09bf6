import { getScalarValue, SCALAR_STYLE, type ScalarEvent } from 'js-yaml';

/**
 * Where each character of a scalar's value is written in the file. A query in a question file is often a folded
 * (`>-`) or literal (`|`) block, or a quoted string with escapes; a J1QL error at offset 37 of the value must be
 * underlined where that character is in the YAML, on its own line and column.
 *
 * The decoder below re-does js-yaml's scalar decoding while recording offsets, then checks that it produced exactly
 * js-yaml's value: when it did, every offset is right; when it did not (a construct it does not model), the map is
 * marked inexact and callers place findings on the whole scalar instead of a wrong column.
 */
export interface ScalarOffsets {
  /** `offsets[i]` is the file offset of value character i; `offsets[value.length]` is where the value ends. */
  offsets: number[];
  /** False when the decoder could not reproduce the value: only the scalar as a whole can be pointed at. */
  exact: boolean;
}

export function scalarOffsets(text: string, event: ScalarEvent): ScalarOffsets {
  let value: string;
  try {
    value = getScalarValue(text, event);
  } catch {
    return { offsets: [event.valueStart], exact: false };
  }
  let decoded: Decoded | undefined;
  try {
    decoded = decode(text, event);
  } catch {
    decoded = undefined;
  }
  if (decoded && decoded.chars.join('') === value) {
    return { offsets: [...decoded.offsets, decoded.end], exact: true };
  }
  const span = Math.max(0, event.valueEnd - event.valueStart);
  const offsets = Array.from({ length: value.length + 1 }, (_, i) => event.valueStart + Math.min(i, span));
  return { offsets, exact: false };
}

/** The file range of value characters [start, end) (end exclusive), from a map. */
export function fileRange(map: ScalarOffsets, start: number, end: number): { start: number; end: number } {
  const last = map.offsets.length - 1;
  const s = map.offsets[Math.max(0, Math.min(start, last))];
  if (end <= start) return { start: s, end: s };
  // The end is just after the last character of the range (not where the next character starts, which may be a line later).
  const e = map.offsets[Math.max(0, Math.min(end - 1, last))] + (end - 1 < last ? 1 : 0);
  return { start: s, end: Math.max(s, e) };
}

interface Decoded {
  chars: string[];
  offsets: number[];
  end: number;
}

function decode(text: string, event: ScalarEvent): Decoded {
  switch (event.style) {
    case SCALAR_STYLE.LITERAL_BLOCK:
    case SCALAR_STYLE.FOLDED_BLOCK:
      return decodeBlock(text, event);
    default:
      return decodeFlow(text, event);
  }
}

const isBreak = (c: string | undefined) => c === '\n' || c === '\r';
const isWhite = (c: string | undefined) => c === ' ' || c === '\t';

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Plain, single- and double-quoted scalars: line folding, `''`, and backslash escapes. */
function decodeFlow(text: string, event: ScalarEvent): Decoded {
  const single = event.style === SCALAR_STYLE.SINGLE_QUOTED;
  const double = event.style === SCALAR_STYLE.DOUBLE_QUOTED;
  const chars: string[] = [];
  const offsets: number[] = [];
  const emit = (c: string, at: number) => {
    chars.push(c);
    offsets.push(at);
  };
  // White space is content only when more content follows on the same line.
  let pending: number[] = [];
  const flush = () => {
    for (const at of pending) emit(text[at], at);
    pending = [];
  };
  const end = event.valueEnd;
  let i = event.valueStart;
  // Consumes a line break and the empty lines after it, then the next line's indentation; returns the breaks of the empty lines.
  const fold = (): number[] => {
    const empties: number[] = [];
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    for (;;) {
      let j = i;
      while (j < end && isWhite(text[j])) j++;
      if (j < end && isBreak(text[j])) {
        empties.push(j);
        i = j + (text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1);
        continue;
      }
      i = j;
      return empties;
    }
  };
  while (i < end) {
    const c = text[i];
    if (isBreak(c)) {
      const at = i;
      pending = [];
      const empties = fold();
      if (empties.length) for (const e of empties) emit('\n', e);
      else emit(' ', at);
      continue;
    }
    if (isWhite(c)) {
      pending.push(i++);
      continue;
    }
    flush();
    if (single && c === "'" && text[i + 1] === "'") {
      emit("'", i);
      i += 2;
      continue;
    }
    if (double && c === '\\') {
      const at = i;
      const e = text[i + 1];
      if (isBreak(e)) {
        // An escaped line break joins the lines with nothing in between; empty lines after it still count.
        i += 1;
        for (const empty of fold()) emit('\n', empty);
        continue;
      }
      const width = HEX_ESCAPES[e];
      if (width) {
        const hex = text.slice(i + 2, i + 2 + width);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) throw new Error('bad escape');
        for (const unit of String.fromCodePoint(parseInt(hex, 16))) for (let k = 0; k < unit.length; k++) emit(unit[k], at);
        i += 2 + width;
        continue;
      }
      const simple = SIMPLE_ESCAPES[e];
      if (simple === undefined) throw new Error('bad escape');
      emit(simple, at);
      i += 2;
      continue;
    }
    emit(c, i++);
  }
  flush();
  return { chars, offsets, end };
}

interface BlockLine {
  /** Offset of the first content character (after the indentation). */
  start: number;
  content: string;
  /** Offset of the line break ending the line, or the body's end. */
  breakAt: number;
  hasBreak: boolean;
  empty: boolean;
}

/** Literal (`|`) and folded (`>`) block scalars, with their chomping indicator. */
function decodeBlock(text: string, event: ScalarEvent): Decoded {
  const folded = event.style === SCALAR_STYLE.FOLDED_BLOCK;
  const indent = Math.max(0, event.indent);
  const lines: BlockLine[] = [];
  let i = event.valueStart;
  const end = event.valueEnd;
  while (i < end) {
    let lineEnd = i;
    while (lineEnd < end && !isBreak(text[lineEnd])) lineEnd++;
    const raw = text.slice(i, lineEnd);
    const empty = raw.length <= indent && /^ *$/.test(raw);
    const hasBreak = lineEnd < end;
    lines.push({ start: i + Math.min(indent, raw.length), content: empty ? '' : raw.slice(indent), breakAt: lineEnd, hasBreak, empty });
    i = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : hasBreak ? 1 : 0);
  }
  const chars: string[] = [];
  const offsets: number[] = [];
  const emit = (c: string, at: number) => {
    chars.push(c);
    offsets.push(at);
  };
  let lastContent = -1;
  for (let k = 0; k < lines.length; k++) if (!lines[k].empty) lastContent = k;
  if (lastContent < 0) {
    // Only empty lines: keep (`+`) keeps their breaks, clip and strip give the empty string.
    if (event.chomping === 3) for (const line of lines) if (line.hasBreak) emit('\n', line.breakAt);
    return { chars, offsets, end: event.valueStart };
  }
  const spaced = (line: BlockLine) => line.content.startsWith(' ') || line.content.startsWith('\t');
  let previous: BlockLine | undefined;
  let emptiesSince: BlockLine[] = [];
  for (let k = 0; k <= lastContent; k++) {
    const line = lines[k];
    if (line.empty) {
      emptiesSince.push(line);
      continue;
    }
    if (previous) {
      if (folded && !spaced(previous) && !spaced(line)) {
        if (emptiesSince.length) for (const e of emptiesSince) emit('\n', e.breakAt);
        else emit(' ', previous.breakAt);
      } else {
        emit('\n', previous.breakAt);
        for (const e of emptiesSince) emit('\n', e.breakAt);
      }
    } else {
      for (const e of emptiesSince) emit('\n', e.breakAt);
    }
    emptiesSince = [];
    for (let c = 0; c < line.content.length; c++) emit(line.content[c], line.start + c);
    previous = line;
  }
  const last = lines[lastContent];
  const contentEnd = last.start + last.content.length;
  // js-yaml ends a clipped or kept block with a line break even when the file ends right after its last line.
  if (event.chomping !== 2) emit('\n', last.breakAt);
  if (event.chomping === 3) for (const line of lines.slice(lastContent + 1)) if (line.hasBreak) emit('\n', line.breakAt);
  return { chars, offsets, end: chars.length && chars[chars.length - 1] === '\n' ? offsets[offsets.length - 1] + 1 : contentEnd };
}
