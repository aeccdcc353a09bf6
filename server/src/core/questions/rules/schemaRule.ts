import type { ErrorObject } from 'ajv';
import type { Finding, Fix } from '../../rules/types';
import { property, type QuestionDocument } from '../questionFile';
import { pointerSegments } from '../../text/jsonPointer';
import { RESULTS_ARE, schemaErrors } from '../schema';
import { nodeAtPath, valueRange, type YamlNode } from '../yamlTree';

export const QUESTION_SCHEMA = 'question-schema';

/** Beyond this many, a file is broken throughout: more findings only slow the editor down. */
export const MAX_SCHEMA_FINDINGS = 200;

const REQUIRED_HINT: Record<string, string> = {
  '': 'A question file has integrationDefinitionId (usually "${integration_definition_id}"), sourceId and questions.',
  question: 'Every question has an id, a title, a description, queries and tags (tags may be an empty list: `tags: []`).',
  query: 'Every entry of queries has a query (the J1QL text); name and resultsAre are optional.',
  compliance: 'Every compliance entry names its standard; requirements and controls are optional lists.',
};

/**
 * The shape `j1-integration validate-question-file` enforces (runtypes in the SDK; Ajv here), each violation on the
 * YAML node at fault: a wrong type on the value, a missing property on the mapping that lacks it.
 */
export function schemaFindings(doc: QuestionDocument): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const errors = schemaErrors(doc.value);
  for (const error of errors) {
    if (findings.length === MAX_SCHEMA_FINDINGS) {
      findings.push({
        code: QUESTION_SCHEMA,
        severity: 'error',
        range: { file: doc.file, ...emptyDocumentRange(doc.text) },
        message: `The question file breaks the SDK's schema in more places than shown (${errors.length} schema errors; the first ${MAX_SCHEMA_FINDINGS} are listed). Fix those first.`,
      });
      break;
    }
    const segments = pointerSegments(error.instancePath);
    const key = `${error.instancePath}\0${error.keyword}\0${error.params.missingProperty ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const finding = describe(doc, error, segments);
    if (finding) findings.push(finding);
  }
  return findings;
}

function describe(doc: QuestionDocument, error: ErrorObject, segments: Array<string | number>): Finding | undefined {
  const { node, key, complete } = nodeAtPath(doc.root, segments);
  const at = label(doc, segments);
  const value = valueAt(doc.value, segments);
  const file = doc.file;
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    const range = node && complete ? headRange(node) : { start: 0, end: 0 };
    const hint = REQUIRED_HINT[kindOf(segments)] ?? '';
    const where = segments.length ? `${at} has no "${missing}"` : `The question file has no "${missing}"`;
    return { code: QUESTION_SCHEMA, severity: 'error', range: { file, ...range }, message: `${where}: the SDK's schema check requires it. ${hint}`.trim(), data: { missing } };
  }
  const range = node ? (complete ? valueOrKeyRange(doc.text, node, key) : headRange(node)) : emptyDocumentRange(doc.text);
  if (error.keyword === 'type') {
    const expected = String(error.params.type);
    const found = describeValue(value);
    const fixes: Fix[] = [];
    let how = expectedHow(expected, segments);
    if (expected === 'string' && node?.kind === 'scalar' && complete && value !== null && value !== undefined) {
      const written = doc.text.slice(node.start, node.end);
      how = `YAML reads ${written} as ${found}: quote it ('${written}').`;
      fixes.push({ title: `Quote ${written}`, edits: [{ range: { file, start: node.start, end: node.end }, newText: `'${written.replace(/'/g, "''")}'` }], preferred: true });
    }
    if (!segments.length && (value === undefined || value === null)) {
      return {
        code: QUESTION_SCHEMA,
        severity: 'error',
        range: { file, ...range },
        message: `The question file is empty: the SDK expects a mapping with integrationDefinitionId, sourceId and questions. ${REQUIRED_HINT['']}`,
      };
    }
    return {
      code: QUESTION_SCHEMA,
      severity: 'error',
      range: { file, ...range },
      message: `${at} must be ${article(expected)}, but is ${found} (the SDK's schema check: "Expected ${expected}, but was ${runtypesName(value)}"). ${how}`.trim(),
      fixes: fixes.length ? fixes : undefined,
    };
  }
  if (error.keyword === 'enum') {
    const fixes: Fix[] = [];
    const upper = typeof value === 'string' ? RESULTS_ARE.find((v) => v === value.trim().toUpperCase()) : undefined;
    if (upper && node && complete) fixes.push({ title: `Change to ${upper}`, edits: [{ range: { file, start: node.start, end: node.end }, newText: upper }], preferred: true });
    return {
      code: QUESTION_SCHEMA,
      severity: 'error',
      range: { file, ...range },
      message: `${at} must be one of ${RESULTS_ARE.join(', ')} (or be left out), but is ${describeValue(value)}.${upper ? ` Write ${upper} (the values are upper case).` : ''}`,
      fixes: fixes.length ? fixes : undefined,
    };
  }
  return { code: QUESTION_SCHEMA, severity: 'error', range: { file, ...range }, message: `${at} ${error.message ?? 'is not valid'}.` };
}

/** `questions[2].queries[0].resultsAre`, with the question's id when it has one. */
function label(doc: QuestionDocument, segments: Array<string | number>): string {
  if (!segments.length) return 'The question file';
  let text = '';
  for (const s of segments) text += typeof s === 'number' ? `[${s}]` : text ? `.${s}` : s;
  if (segments[0] === 'questions' && typeof segments[1] === 'number') {
    const id = property(valueAt(doc.value, segments.slice(0, 2)), 'id');
    if (typeof id === 'string' && segments.length > 2) text += ` (question "${id}")`;
  }
  return `"${text}"`;
}

function kindOf(segments: Array<string | number>): string {
  if (!segments.length) return '';
  const names = segments.filter((s) => typeof s === 'string');
  const last = names[names.length - 1];
  if (last === 'questions') return 'question';
  if (last === 'queries') return 'query';
  if (last === 'compliance') return 'compliance';
  return '';
}

function expectedHow(expected: string, segments: Array<string | number>): string {
  const last = segments[segments.length - 1];
  if (expected === 'array') return `Write it as a YAML list (\`- item\` lines, or \`[]\` when empty).`;
  if (expected === 'object') return `Write it as a mapping of properties (\`key: value\` lines).`;
  if (expected === 'string' && typeof last === 'string' && (last === 'name' || last === 'compliance')) return `Give it a value or remove the key.`;
  if (expected === 'string') return 'Give it a text value.';
  return '';
}

function valueAt(value: unknown, segments: Array<string | number>): unknown {
  let current = value;
  for (const s of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[s];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty (null)';
  if (value instanceof Date) return 'a timestamp (YAML reads an unquoted date as one)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

/** How runtypes names the value's type in its message. */
function runtypesName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'Array';
  if (value instanceof Date) return 'Date';
  return typeof value;
}

function article(type: string): string {
  switch (type) {
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    default:
      return `a ${type}`;
  }
}

/** A short range naming a collection: its first key (or item), so a block mapping is not underlined across lines. */
function headRange(node: YamlNode): { start: number; end: number } {
  if (node.kind === 'mapping' && node.pairs.length && !node.flow) return { start: node.pairs[0].key.start, end: node.pairs[0].key.end };
  if (node.kind === 'sequence' && node.items.length && !node.flow) return { start: node.start, end: node.start + 1 };
  return { start: node.start, end: node.end };
}

function emptyDocumentRange(text: string): { start: number; end: number } {
  const lineEnd = text.search(/\r?\n|$/);
  return { start: 0, end: Math.max(0, lineEnd) };
}

/** The value; for a block collection spanning lines, its key (`queries:`) or first line instead. */
function valueOrKeyRange(text: string, node: YamlNode, key: YamlNode | undefined): { start: number; end: number } {
  if ((node.kind === 'mapping' || node.kind === 'sequence') && !node.flow) return key ? { start: key.start, end: key.end } : headRange(node);
  return widenEmpty(text, valueRange(node, key));
}

/** An empty list item (`-` and nothing) has an empty range: underline its dash. */
function widenEmpty(text: string, range: { start: number; end: number }): { start: number; end: number } {
  if (range.end > range.start) return range;
  let i = range.start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === '-' ? { start: i, end: i + 1 } : range;
}
