import { ts } from '../project/ts';
import type { IntegrationAnalysis } from '../model/buildModel';
import type { SourceRange } from '../model/types';
import { guarded } from './guard';
import { classCatalog, entityClassNames, relationshipClassNames } from './classCatalog';
import { known, location } from './present';
import { occurrencesAt, queryIndex, type QueryIndex } from './queryIndex';
import { sameRange } from '../model/sameRange';
import {
  arraySlot,
  calleeName,
  isStringLike,
  nodeAt,
  objectFlavor,
  parsedFile,
  propertyNameText,
  propertySlot,
  quoteNear,
  stringContent,
  type PropertySlot,
} from './syntax';
import type { QueryFacts } from './types';

/** What an item names; the LSP layer maps these to CompletionItemKind (e.g. Reference, Class, EnumMember, Value). */
export type CompletionKind = 'step' | 'entityClass' | 'relationshipClass' | 'entityType' | 'relationshipType';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text that replaces `range`: the label, quoted when the cursor is in an empty array slot. */
  insertText: string;
  /** What the item replaces: the string's content, the member name, or an empty range at the cursor. */
  range: SourceRange;
}

/**
 * Completions at the cursor: step ids in a dependsOn array (not the step itself, not ids already
 * listed), data-model classes in a `_class`, RelationshipClass members after `RelationshipClass.`,
 * declared `_type`s where a type is written. Read from the syntax tree of the file as it is now, so
 * half-typed code completes; [] anywhere else.
 */
export function completion(analysis: IntegrationAnalysis, file: string, offset: number, facts?: QueryFacts): CompletionItem[] {
  return guarded('completion', [], () => {
    const parsed = parsedFile(analysis, file);
    if (!parsed) return [];
    const sf = parsed.sourceFile;
    const node = nodeAt(sf, offset);
    const index = queryIndex(analysis);

    const member = memberCompletion(sf, node, file, offset, facts);
    if (member) return member;

    if (isStringLike(node)) {
      const content = stringContent(node, sf, offset);
      const slot = content && propertySlot(node);
      if (!content || !slot) return [];
      const range = { file, start: content.start, end: content.end };
      if (slot.property === 'dependsOn' && slot.array) return stepIds(index, sf, slot, node, range, '');
      if (slot.property === '_class') return classes(slot, node, range, facts);
      if ((slot.property === '_type' || slot.property === 'sourceType' || slot.property === 'targetType') && !slot.array) {
        return types(index, slot, { file, start: node.getStart(sf), end: node.getEnd() }, range);
      }
      return [];
    }

    if (ts.isArrayLiteralExpression(node) && inEmptySlot(sf, node, offset)) {
      const slot = arraySlot(node);
      if (slot?.property === 'dependsOn') return stepIds(index, sf, slot, undefined, { file, start: offset, end: offset }, quoteNear(node, sf));
    }
    return [];
  });
}

/** `RelationshipClass.|`, `RelationshipClass.HA|`, and `RelationshipClass.|` followed by a later line the parser took as the name. */
function memberCompletion(sf: ts.SourceFile, node: ts.Node, file: string, offset: number, facts: QueryFacts | undefined): CompletionItem[] | undefined {
  const access = ts.isPropertyAccessExpression(node) ? node : ts.isIdentifier(node) && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : undefined;
  if (!access || !ts.isPropertyAccessExpression(access)) return undefined;
  if (!isRelationshipClassTarget(access)) return undefined;
  const text = sf.text;
  const dot = text.indexOf('.', access.expression.getEnd());
  if (dot < 0 || offset <= dot) return undefined;
  const nameStart = access.name.getStart(sf);
  const nameEnd = access.name.getEnd();
  let range: SourceRange;
  const gap = text.slice(dot + 1, nameStart);
  // A name on a later line is the next property the parser swallowed, not a member being typed.
  if (offset >= nameStart && offset <= nameEnd && !gap.includes('\n')) range = { file, start: nameStart, end: nameEnd };
  else if (offset < nameStart && !text.slice(dot + 1, offset).trim()) range = { file, start: offset, end: offset };
  else return undefined;
  return relationshipClassNames(facts?.dataModel).map((name) => ({ label: name, kind: 'relationshipClass', detail: `RelationshipClass.${name}`, insertText: name, range }));
}

function isRelationshipClassTarget(access: ts.PropertyAccessExpression): boolean {
  const target = access.expression;
  return (ts.isIdentifier(target) && target.text === 'RelationshipClass') || (ts.isPropertyAccessExpression(target) && target.name.text === 'RelationshipClass');
}

/** The cursor is between elements of an array (after `[` or `,`), not inside one. */
function inEmptySlot(sf: ts.SourceFile, array: ts.ArrayLiteralExpression, offset: number): boolean {
  if (offset <= array.getStart(sf)) return false;
  if (array.elements.some((e) => e.getStart(sf) <= offset && offset <= e.getEnd())) return false;
  const before = sf.text.slice(array.getStart(sf), offset).trimEnd();
  return before.endsWith('[') || before.endsWith(',');
}

function stepIds(index: QueryIndex, sf: ts.SourceFile, slot: PropertySlot, current: ts.Node | undefined, range: SourceRange, quote: string): CompletionItem[] {
  const file = range.file;
  const valueOf = (node: ts.Node, role: 'step-id' | 'depends-on'): string | undefined => {
    if (isStringLike(node)) return node.text;
    // A constant (`Steps.USERS`): the model knows its value, filed under exactly this range.
    const use = { file, start: node.getStart(sf), end: node.getEnd() };
    const hit = occurrencesAt(index, file, use.start).find((o) => o.role === role && sameRange(o.use, use));
    return hit?.subject.kind === 'step' ? hit.subject.id : undefined;
  };
  const exclude = new Set<string>();
  const idProperty = slot.object.properties.find((p) => propertyNameText(p.name) === 'id');
  if (idProperty && ts.isPropertyAssignment(idProperty)) {
    const own = valueOf(idProperty.initializer, 'step-id');
    if (own !== undefined) exclude.add(own);
  }
  for (const element of slot.array?.elements ?? []) {
    if (element === current) continue;
    const listed = valueOf(element, 'depends-on');
    if (listed !== undefined) exclude.add(listed);
  }
  const items: CompletionItem[] = [];
  for (const id of index.steps.ids) {
    if (exclude.has(id)) continue;
    const step = index.steps.byId.get(id)![0];
    const name = known(step.name);
    items.push({
      label: id,
      kind: 'step',
      detail: name,
      documentation: `Step defined at \`${location(index.analysis, step.range)}\``,
      insertText: quote ? `${quote}${id.replace(new RegExp(`[\\\\${quote}]`, 'g'), (c) => `\\${c}`)}${quote}` : id,
      range,
    });
  }
  return items;
}

function classes(slot: PropertySlot, current: ts.Node, range: SourceRange, facts: QueryFacts | undefined): CompletionItem[] {
  if (objectFlavor(slot.object) === 'relationship') {
    return relationshipClassNames(facts?.dataModel).map((name) => ({ label: name, kind: 'relationshipClass', detail: 'relationship class', insertText: name, range }));
  }
  const catalog = classCatalog();
  // `_class: ['User', '|']`: the classes already listed are not offered again.
  const listed = new Set((slot.array?.elements ?? []).filter((e) => e !== current && isStringLike(e)).map((e) => (e as ts.StringLiteral).text));
  return entityClassNames(facts?.dataModel)
    .filter((name) => !listed.has(name))
    .map((name) => ({ label: name, kind: 'entityClass', detail: 'entity class', documentation: catalog?.entityClass(name)?.description, insertText: name, range }));
}

interface DeclaredType {
  type: string;
  kind: 'entityType' | 'relationshipType';
  detail: string;
  declaredAt: SourceRange[];
}

/** Declared `_type`s, filtered by what the position takes: an entity type, a relationship type, or either. */
function types(index: QueryIndex, slot: PropertySlot, literal: SourceRange, range: SourceRange): CompletionItem[] {
  let wanted: 'entityType' | 'relationshipType' | undefined;
  if (slot.property !== '_type') wanted = 'entityType';
  else {
    const call = calleeName(slot.object);
    const flavor = objectFlavor(slot.object);
    if (call === 'iterateEntities' || flavor === 'entity') wanted = 'entityType';
    else if (call === 'iterateRelationships' || flavor === 'relationship') wanted = 'relationshipType';
  }
  const items: CompletionItem[] = [];
  for (const declared of declaredTypes(index).values()) {
    if (wanted && declared.kind !== wanted) continue;
    // The literal being typed declares itself: it is not a suggestion.
    if (declared.declaredAt.every((r) => sameRange(r, literal))) continue;
    items.push({ label: declared.type, kind: declared.kind, detail: declared.detail, insertText: declared.type, range });
  }
  return items;
}

const declaredTypesCache = new WeakMap<QueryIndex, Map<string, DeclaredType>>();

function declaredTypes(index: QueryIndex): Map<string, DeclaredType> {
  let types = declaredTypesCache.get(index);
  if (types) return types;
  types = new Map();
  const note = (type: string | undefined, kind: DeclaredType['kind'], detail: () => string, at: SourceRange) => {
    if (!type) return;
    const existing = types!.get(type);
    if (existing) existing.declaredAt.push(at);
    else types!.set(type, { type, kind, detail: detail(), declaredAt: [at] });
  };
  for (const step of index.analysis.model.steps.items) {
    const stepId = known(step.id);
    const inStep = stepId !== undefined ? ` · ${stepId}` : '';
    for (const e of step.entities.items) {
      const cls = known(e._class);
      note(known(e._type), 'entityType', () => `entity${cls !== undefined ? ` · ${[cls].flat().join(', ')}` : ''}${inStep}`, e._type.range);
    }
    for (const r of [...step.relationships.items, ...step.mappedRelationships.items]) {
      const ends = [known(r.sourceType), known(r._class), known(r.targetType)];
      note(known(r._type), 'relationshipType', () => `relationship${ends.every((v) => v !== undefined) ? ` · ${ends.join(' ')}` : ''}${inStep}`, r._type.range);
    }
  }
  declaredTypesCache.set(index, types);
  return types;
}
