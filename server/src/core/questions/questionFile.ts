import { parseJ1ql, type J1qlParseResult } from '../j1ql';
import { fileRange, scalarOffsets, type ScalarOffsets } from './scalarOffsets';
import { child, parseYaml, type YamlNode, type YamlScalar, type YamlSyntaxError } from './yamlTree';

/** A question file parsed once for every check and editor request: its value, its node tree, and its queries. */
export interface QuestionDocument {
  file: string;
  text: string;
  /** The YAML error that stops everything (as it stops the SDK's `yaml.load`). */
  syntaxError?: YamlSyntaxError;
  value: unknown;
  root: YamlNode | undefined;
  /** Every `query` that is a string, in document order. */
  queries: QueryEntry[];
}

export interface QueryEntry {
  /** Index of the question in `questions` and of the query in its `queries`. */
  question: number;
  query: number;
  /** The question's id, when it is a string. */
  questionId?: string;
  text: string;
  node: YamlScalar;
  /** Where each character of the query is in the file (computed on first use). */
  offsets(): ScalarOffsets;
  /** The query parsed (on first use). */
  parsed(): J1qlParseResult;
}

/**
 * The file range of query characters [start, end); the whole scalar when the offsets inside it are not exactly known
 * (a finding on the right query is better than one on a wrong column). Offsets are computed only here, for findings
 * and editor requests: a file of 1,000 clean queries never needs them.
 */
export function queryRange(entry: QueryEntry, start: number, end: number): { start: number; end: number } {
  const map = entry.offsets();
  return map.exact ? fileRange(map, start, end) : { start: entry.node.start, end: entry.node.end };
}

/** The query character at a file offset (the cursor), when the offset is inside the query's value. */
export function queryOffsetAt(entry: QueryEntry, fileOffset: number): number | undefined {
  const { offsets, exact } = entry.offsets();
  if (!exact) return undefined;
  if (fileOffset < entry.node.event.valueStart || fileOffset > entry.node.event.valueEnd) return undefined;
  // Offsets grow with the index: the last character written at or before the cursor, or the end when past it.
  let lo = 0;
  let hi = offsets.length - 1;
  if (fileOffset >= offsets[hi]) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= fileOffset) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo] === fileOffset ? lo : lo + 1;
}

let last: QuestionDocument | undefined;

/** Parses a question file; the last one is kept, as hover, completion and diagnostics ask about the same text in turn. */
export function questionDocument(file: string, text: string): QuestionDocument {
  if (last && last.file === file && last.text === text) return last;
  const parsed = parseYaml(text);
  const doc: QuestionDocument = parsed.ok
    ? { file, text, value: parsed.value, root: parsed.root, queries: collectQueries(text, parsed.value, parsed.root) }
    : { file, text, syntaxError: parsed.error, value: undefined, root: undefined, queries: [] };
  last = doc;
  return doc;
}

function collectQueries(text: string, value: unknown, root: YamlNode | undefined): QueryEntry[] {
  const entries: QueryEntry[] = [];
  const questions = child(root, 'questions')?.value;
  const questionValues = property(value, 'questions');
  if (questions?.kind !== 'sequence' || !Array.isArray(questionValues)) return entries;
  questions.items.forEach((question, q) => {
    const idNode = child(question, 'id')?.value;
    const id = property(questionValues[q], 'id');
    const queries = child(question, 'queries')?.value;
    const queryValues = property(questionValues[q], 'queries');
    if (queries?.kind !== 'sequence' || !Array.isArray(queryValues)) return;
    queries.items.forEach((item, i) => {
      const node = child(item, 'query')?.value;
      const query = property(queryValues[i], 'query');
      // The value decides what is a string (js-yaml's resolution: `query: 1` is a number, `query: '1'` a string);
      // the node must be the scalar that wrote it (not an alias or a merged key).
      if (node?.kind !== 'scalar' || typeof query !== 'string' || node.text !== query) return;
      let offsets: ScalarOffsets | undefined;
      let parsed: J1qlParseResult | undefined;
      entries.push({
        question: q,
        query: i,
        questionId: typeof id === 'string' && idNode?.kind === 'scalar' ? id : undefined,
        text: query,
        node,
        offsets: () => (offsets ??= scalarOffsets(text, node.event)),
        parsed: () => (parsed ??= parseJ1ql(query)),
      });
    });
  });
  return entries;
}

/** A property of a parsed mapping value, if the value is one. */
export function property(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}
