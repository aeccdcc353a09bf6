import type { DocumentCompletionItem, DocumentContext, DocumentDefinition } from '../documents/types';
import { entityExpectedAt, type J1qlReference } from '../j1ql';
import type { SourceRange } from '../model/types';
import { classCatalog, entityClassNames } from '../queries/classCatalog';
import { describeSubject, type HoverResult } from '../queries/hover';
import { code, escapeMarkdown } from '../queries/present';
import { occurrencesOf, queryIndex } from '../queries/queryIndex';
import { sameRange } from '../model/sameRange';
import { integrationTypes } from './integrationTypes';
import { queryOffsetAt, queryRange, type QueryEntry, type QuestionDocument } from './questionFile';

/** The query under the cursor and the cursor's index in it (a plain scalar's trailing blanks count, for typing). */
function queryAt(doc: QuestionDocument, offset: number): { entry: QueryEntry; index: number; query: string } | undefined {
  for (const entry of doc.queries) {
    const { valueStart, valueEnd } = entry.node.event;
    if (offset < valueStart) continue;
    if (offset <= valueEnd) {
      const index = queryOffsetAt(entry, offset);
      return index === undefined ? undefined : { entry, index, query: entry.text };
    }
    // `query: FIND |`: YAML drops the blanks after a plain scalar, but the user is typing there.
    const after = doc.text.slice(valueEnd, offset);
    if (entry.node.event.style === 1 && /^[ \t]+$/.test(after) && entry.offsets().exact) {
      return { entry, index: entry.text.length + after.length, query: entry.text + after };
    }
  }
  return undefined;
}

function referenceAt(doc: QuestionDocument, offset: number): { entry: QueryEntry; ref: J1qlReference } | undefined {
  const at = queryAt(doc, offset);
  if (!at) return undefined;
  const ref = at.entry.parsed().references.find((r) => r.start <= at.index && at.index <= r.end);
  return ref ? { entry: at.entry, ref } : undefined;
}

/** The same hover as on a `_type` or `_class` in TypeScript: declaring steps for a type, the data model for a class. */
export function questionHover(doc: QuestionDocument, offset: number, context: DocumentContext): HoverResult | undefined {
  const hit = referenceAt(doc, offset);
  if (!hit) return undefined;
  const range: SourceRange = { file: doc.file, ...queryRange(hit.entry, hit.ref.start, hit.ref.end) };
  const { ref } = hit;
  const analysis = context.integration;
  let markdown: string | undefined;
  if (analysis) {
    markdown =
      ref.kind === 'type'
        ? describeSubject(analysis, { kind: 'type', type: ref.name }, context.facts)
        : describeSubject(analysis, { kind: 'class', of: 'entity', names: [ref.name] }, context.facts);
  } else if (ref.kind === 'class') {
    markdown = classMarkdown(ref.name);
  } else {
    markdown = `**Type** ${code(ref.name)}\n\n_No integration was found beside this file to say which step declares it._`;
  }
  return markdown ? { markdown, range } : undefined;
}

function classMarkdown(name: string): string {
  const catalog = classCatalog();
  const info = catalog?.entityClass(name);
  const title = `**Entity class** ${code(name)}`;
  if (!catalog) return `${title}\n\n_@jupiterone/data-model could not be loaded._`;
  if (!info || !catalog.entityClasses.includes(name)) return `${title}\n\n${code(name)} is not a class of @jupiterone/data-model.`;
  const lines = [`${title} (@jupiterone/data-model)`, ''];
  if (info.description) lines.push(escapeMarkdown(info.description), '');
  lines.push(`- required properties: ${info.required.length ? info.required.map(code).join(', ') : 'none of its own'}`);
  return lines.join('\n');
}

const DECLARING_ROLES = new Set(['entity-type', 'relationship-type', 'mapped-relationship-type']);

/** A `_type` in a query goes to the step metadata that declares it. */
export function questionDefinition(doc: QuestionDocument, offset: number, context: DocumentContext): DocumentDefinition | undefined {
  const hit = referenceAt(doc, offset);
  if (!hit || hit.ref.kind !== 'type' || !context.integration) return undefined;
  const index = queryIndex(context.integration);
  const targets: DocumentDefinition['targets'] = [];
  for (const o of occurrencesOf(index, { kind: 'type', type: hit.ref.name })) {
    if (!DECLARING_ROLES.has(o.role) || o.atOrigin) continue;
    if (targets.some((t) => sameRange(t.selectionRange, o.use))) continue;
    targets.push({ range: o.use, selectionRange: o.use });
  }
  if (!targets.length) return undefined;
  return { origin: { file: doc.file, ...queryRange(hit.entry, hit.ref.start, hit.ref.end) }, targets };
}

/** Declared `_type`s and data-model classes where the query expects an entity (after FIND, a THAT verb, `|`). */
export function questionCompletion(doc: QuestionDocument, offset: number, context: DocumentContext): DocumentCompletionItem[] {
  const at = queryAt(doc, offset);
  if (!at) return [];
  const expected = entityExpectedAt(at.query, at.index);
  if (!expected) return [];
  const entry = at.entry;
  const toFile = (i: number) => (i <= entry.text.length ? queryRange(entry, i, i).start : entry.node.event.valueEnd + (i - entry.text.length));
  const range: SourceRange = { file: doc.file, start: toFile(expected.start), end: toFile(expected.end) };
  const items: DocumentCompletionItem[] = [];
  if (context.integration) {
    const types = integrationTypes(context.integration);
    for (const [type, declarations] of types.declared) {
      const kind = declarations.some((d) => d.kind === 'entity') ? 'entityType' : 'relationshipType';
      items.push({ label: type, kind, detail: kind === 'entityType' ? 'entity _type declared by a step' : 'relationship _type declared by a step', insertText: type, range });
    }
  }
  const catalog = classCatalog();
  for (const name of entityClassNames(context.facts?.dataModel)) {
    items.push({ label: name, kind: 'entityClass', detail: 'entity class', documentation: catalog?.entityClass(name)?.description, insertText: name, range });
  }
  return items;
}
