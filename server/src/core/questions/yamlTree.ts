import {
  binaryTag,
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  getScalarValue,
  mergeTag,
  omapTag,
  pairsTag,
  parseEvents,
  SCALAR_STYLE,
  setTag,
  timestampTag,
  type Event,
  type ScalarEvent,
} from 'js-yaml';

/**
 * A YAML document as values plus the source position of every node. js-yaml 5's event parser gives each scalar its
 * exact value offsets and each collection its start, which is all the checks need; the values are constructed from
 * the same events, so the positions and the values can never disagree (one parse, one parser, the SDK's own).
 */

export interface YamlScalar {
  kind: 'scalar';
  /** The written scalar: quotes and a block scalar's header included, trailing line breaks not. */
  start: number;
  end: number;
  event: ScalarEvent;
  /** The decoded string (before tag resolution: `1` is "1"). */
  text: string;
}

export interface YamlSequence {
  kind: 'sequence';
  start: number;
  end: number;
  flow: boolean;
  items: YamlNode[];
}

export interface YamlPair {
  key: YamlNode;
  value: YamlNode;
}

export interface YamlMapping {
  kind: 'mapping';
  start: number;
  end: number;
  flow: boolean;
  pairs: YamlPair[];
}

export interface YamlAlias {
  kind: 'alias';
  start: number;
  end: number;
}

export type YamlNode = YamlScalar | YamlSequence | YamlMapping | YamlAlias;

export interface YamlSyntaxError {
  /** js-yaml's reason, e.g. `duplicated mapping key`. */
  reason: string;
  start: number;
  end: number;
}

export type YamlParse =
  | { ok: true; value: unknown; root: YamlNode | undefined }
  | { ok: false; error: YamlSyntaxError };

/**
 * js-yaml 4's DEFAULT_SCHEMA, which the SDK's `yaml.load` uses: the core schema plus timestamps, merge keys and the
 * binary/omap/pairs/set tags. js-yaml 5 defaults to the bare core schema; with it `id: 2021-01-01` would be a string
 * here and a Date in the SDK, and the SDK's "must be a string" check would be missed.
 */
const SDK_SCHEMA = CORE_SCHEMA.withTags(timestampTag, mergeTag, binaryTag, omapTag, pairsTag, setTag);

/** Parses one YAML document as the SDK's `yaml.load` would, keeping node positions; never throws. */
export function parseYaml(text: string): YamlParse {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch (error) {
    return { ok: false, error: syntaxError(text, error) };
  }
  const documents = events.filter((e) => e.type === EVENT_ID.DOCUMENT).length;
  if (documents > 1) {
    const second = secondDocumentStart(text);
    return { ok: false, error: { reason: 'expected a single document in the stream, but found more', start: second, end: Math.min(text.length, second + 3) } };
  }
  let values: unknown[];
  try {
    values = constructFromEvents(events, { source: text, schema: SDK_SCHEMA });
  } catch (error) {
    return { ok: false, error: syntaxError(text, error) };
  }
  return { ok: true, value: values[0], root: buildTree(text, events) };
}

function syntaxError(text: string, error: unknown): YamlSyntaxError {
  const e = error as { reason?: string; message?: string; mark?: { position?: number } };
  const reason = e.reason ?? e.message ?? String(error);
  const position = Math.max(0, Math.min(text.length, e.mark?.position ?? 0));
  return { reason, ...tokenAt(text, position) };
}

/** The word at a position (what an editor should underline), at least one character unless at the very end. */
function tokenAt(text: string, position: number): { start: number; end: number } {
  let end = position;
  while (end < text.length && !/[\s,\]}]/.test(text[end])) end++;
  if (end === position && position < text.length && text[position] !== '\n' && text[position] !== '\r') end++;
  return { start: position, end };
}

function secondDocumentStart(text: string): number {
  const markers = [...text.matchAll(/^---(?=\s|$)/gm)].map((m) => m.index ?? 0);
  // A leading `---` opens the first document; the next marker (or the first one, when the first document had none) opens the second.
  const firstContent = text.search(/^(?!\s*(?:#.*)?$)/m);
  const second = markers.find((m) => m > firstContent) ?? markers[0];
  return second ?? 0;
}

interface Frame {
  node: YamlSequence | YamlMapping;
  pendingKey?: YamlNode;
}

function buildTree(text: string, events: Event[]): YamlNode | undefined {
  let root: YamlNode | undefined;
  const stack: Frame[] = [];
  const attach = (node: YamlNode) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root ??= node;
      return;
    }
    if (top.node.kind === 'sequence') top.node.items.push(node);
    else if (top.pendingKey) {
      top.node.pairs.push({ key: top.pendingKey, value: node });
      top.pendingKey = undefined;
    } else top.pendingKey = node;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const node = scalarNode(text, event);
        if (event.valueStart < 0) node.start = node.end = emptyScalarAt(text, stack[stack.length - 1]);
        attach(node);
        break;
      }
      case EVENT_ID.ALIAS:
        attach({ kind: 'alias', start: Math.max(0, event.anchorStart - 1), end: event.anchorEnd });
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const start = collectionStart(event.start, event.anchorStart, event.tagStart);
        const flow = event.style === 2;
        const node: YamlSequence | YamlMapping =
          event.type === EVENT_ID.SEQUENCE ? { kind: 'sequence', start, end: start, flow, items: [] } : { kind: 'mapping', start, end: start, flow, pairs: [] };
        attach(node);
        stack.push({ node });
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (frame) frame.node.end = collectionEnd(text, frame.node);
        break;
      }
      default:
        break;
    }
  }
  return root;
}

/**
 * Where an empty value (`name:`, a bare `-`) is: js-yaml gives it no offsets. Just after the key's colon in a
 * mapping, just after the dash in a block sequence, so findings about it land on the line that holds it.
 */
function emptyScalarAt(text: string, frame: Frame | undefined): number {
  if (!frame) return 0;
  const node = frame.node;
  if (node.kind === 'mapping') {
    const key = frame.pendingKey;
    if (!key) return node.pairs.length ? node.pairs[node.pairs.length - 1].value.end : node.start;
    const colon = text.indexOf(':', key.end);
    return colon >= 0 ? colon + 1 : key.end;
  }
  const previous = node.items[node.items.length - 1];
  const from = previous ? Math.max(previous.end, node.start) : node.start;
  if (node.flow) return from;
  const dash = /-(?=[ \t\r\n]|$)/g;
  dash.lastIndex = previous ? from : node.start;
  const match = dash.exec(text);
  return match ? match.index + 1 : from;
}

function collectionStart(start: number, anchorStart: number, tagStart: number): number {
  return Math.min(...[start, anchorStart >= 0 ? anchorStart - 1 : Infinity, tagStart >= 0 ? tagStart : Infinity]);
}

function collectionEnd(text: string, node: YamlSequence | YamlMapping): number {
  const last = node.kind === 'sequence' ? node.items[node.items.length - 1] : node.pairs[node.pairs.length - 1]?.value;
  let end = last ? Math.max(last.end, node.start) : node.start;
  if (node.flow) {
    const close = text.indexOf(node.kind === 'sequence' ? ']' : '}', end);
    end = close >= 0 ? close + 1 : end;
  }
  return end;
}

function scalarNode(text: string, event: ScalarEvent): YamlScalar {
  let start = event.valueStart;
  let end = event.valueEnd;
  if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) {
    start -= 1;
    end += 1;
  } else if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
    start = blockHeaderStart(text, event.valueStart);
    while (end > event.valueStart && /\s/.test(text[end - 1])) end--;
  }
  return { kind: 'scalar', start, end, event, text: getScalarValue(text, event) };
}

/** The `|` or `>` of a block scalar whose body starts at `bodyStart` (the header is on an earlier line). */
function blockHeaderStart(text: string, bodyStart: number): number {
  let i = bodyStart - 1;
  // Skip back over the line break ending the header line, and over any empty leading lines of the body.
  while (i >= 0) {
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    const line = text.slice(lineStart, i);
    const header = /(?:^|[\s:\-?])([|>])[-+0-9]*[ \t]*(?:#.*)?\r?$/.exec(line);
    if (header) return lineStart + header.index + header[0].indexOf(header[1]);
    if (lineStart === 0) break;
    i = lineStart - 1;
  }
  return bodyStart;
}

/** The value node at a path of keys and indexes, or the deepest node on the way when the path leaves the tree. */
export function nodeAtPath(root: YamlNode | undefined, segments: ReadonlyArray<string | number>): { node: YamlNode | undefined; key?: YamlNode; complete: boolean } {
  let node = root;
  let key: YamlNode | undefined;
  for (const segment of segments) {
    const next = child(node, segment);
    if (!next) return { node, key, complete: false };
    node = next.value;
    key = next.key;
  }
  return { node, key, complete: true };
}

export function child(node: YamlNode | undefined, segment: string | number): { key?: YamlNode; value: YamlNode } | undefined {
  if (!node) return undefined;
  if (node.kind === 'sequence') {
    const index = typeof segment === 'number' ? segment : Number(segment);
    const item = Number.isInteger(index) ? node.items[index] : undefined;
    return item ? { value: item } : undefined;
  }
  if (node.kind === 'mapping') {
    // Duplicate keys are a syntax error, so the first match is the only one.
    const pair = node.pairs.find((p) => p.key.kind === 'scalar' && p.key.text === String(segment));
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  return undefined;
}

/** Where a finding about a value should point: the value, or its key when the value is empty (`name:`). */
export function valueRange(node: YamlNode, key?: YamlNode): { start: number; end: number } {
  if (node.end > node.start || !key) return { start: node.start, end: node.end };
  return { start: key.start, end: key.end };
}
