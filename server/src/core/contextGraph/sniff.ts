/**
 * Whether a JSON text's top-level object has a `cis` or `links` key whose value is an array, decided by scanning
 * characters only: nested values are skipped by counting brackets, nothing is allocated or parsed, and the scan
 * stops at the first such key (an unrelated huge JSON costs one pass over its characters, at most `limit`).
 */
export function looksLikeContextGraphImport(text: string, limit = text.length): boolean {
  const end = Math.min(text.length, limit);
  let i = skipSpace(text, 0, end);
  if (text.charCodeAt(i) !== 0x7b /* { */) return false;
  i++;
  for (;;) {
    i = skipSpace(text, i, end);
    if (i >= end || text.charCodeAt(i) !== 0x22 /* " */) return false;
    const keyStart = i + 1;
    i = skipString(text, i, end);
    if (i < 0) return false;
    const key = i - keyStart - 1 === 3 || i - keyStart - 1 === 5 ? text.slice(keyStart, i - 1) : '';
    i = skipSpace(text, i, end);
    if (text.charCodeAt(i) !== 0x3a /* : */) return false;
    i = skipSpace(text, i + 1, end);
    if ((key === 'cis' || key === 'links') && text.charCodeAt(i) === 0x5b /* [ */) return true;
    i = skipValue(text, i, end);
    if (i < 0) return false;
    i = skipSpace(text, i, end);
    if (text.charCodeAt(i) !== 0x2c /* , */) return false;
    i++;
  }
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/** From an opening quote to just after the closing one; -1 when the string does not end before `end`. */
function skipString(text: string, i: number, end: number): number {
  for (i++; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

/** Past one value (object, array, string or scalar); -1 when it does not end before `end`. */
function skipValue(text: string, i: number, end: number): number {
  const first = text.charCodeAt(i);
  if (first === 0x22) return skipString(text, i, end);
  if (first !== 0x7b && first !== 0x5b) {
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = skipString(text, i, end) - 1;
      if (i < 0) return -1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
