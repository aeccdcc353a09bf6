import { ts } from '../project/ts';
import type { IntegrationAnalysis } from '../model/buildModel';
import { guarded } from './guard';
import { effectsTable, occurrencesAt, queryIndex } from './queryIndex';
import { isStringLike, nodeAt, objectFlavor, parsedFile, propertyNameText, propertySlot } from './syntax';
import type { Occurrence, QueryFacts, Subject } from './types';

/**
 * The step id, `_type` or `_class` under the cursor, wherever it is written: a step's `id`, a
 * dependsOn entry, a start-state key, metadata, handler effects, or the literal those values come
 * from (the `'fetch-users'` in constants.ts names step fetch-users). Undefined when nothing is named.
 *
 * The model is asked first (cheap, indexed once per analysis), handler effects next, and the syntax
 * last, so that a literal the model could not evaluate (half-typed code) is still recognised.
 */
export function whatIsAt(analysis: IntegrationAnalysis, file: string, offset: number, facts?: QueryFacts): Occurrence | undefined {
  return guarded('whatIsAt', undefined, () => {
    const index = queryIndex(analysis);
    let hit = occurrencesAt(index, file, offset)[0];
    if (!hit) {
      const effects = effectsTable(index, facts);
      if (effects) hit = occurrencesAt(effects, file, offset)[0];
    }
    if (hit) return hit.subject.kind === 'class' ? narrowClass(analysis, hit, offset) : hit;
    return syntaxOccurrence(analysis, file, offset);
  });
}

/** `_class: ['Device', 'Host']` names two classes; the cursor on `'Host'` means Host alone. */
function narrowClass(analysis: IntegrationAnalysis, hit: Occurrence, offset: number): Occurrence {
  if (hit.subject.kind !== 'class') return hit;
  const parsed = parsedFile(analysis, hit.range.file);
  if (!parsed) return hit;
  const node = nodeAt(parsed.sourceFile, offset);
  if (!isStringLike(node)) return hit;
  const start = node.getStart(parsed.sourceFile);
  const end = node.getEnd();
  if (start < hit.range.start || end > hit.range.end || !hit.subject.names.includes(node.text)) return hit;
  return { ...hit, subject: { ...hit.subject, names: [node.text] }, range: { file: hit.range.file, start, end } };
}

const TYPE_PROPERTIES = new Set(['_type', 'sourceType', 'targetType']);
const STEP_KEYS = new Set(['executionHandler', 'dependsOn', 'entities', 'relationships', 'mappedRelationships']);

/** What the text alone says is under the cursor, for code the model has no value for. */
function syntaxOccurrence(analysis: IntegrationAnalysis, file: string, offset: number): Occurrence | undefined {
  const parsed = parsedFile(analysis, file);
  if (!parsed) return undefined;
  const sf = parsed.sourceFile;
  const node = nodeAt(sf, offset);
  const range = { file, start: node.getStart(sf), end: node.getEnd() };
  const occurrence = (subject: Subject, role: Occurrence['role']): Occurrence => ({ subject, role, range, use: range, atOrigin: false, source: 'syntax' });

  if (ts.isIdentifier(node) && ts.isPropertyAccessExpression(node.parent)) {
    const member = relationshipClassMember(node.parent);
    if (member) {
      const whole = { file, start: node.parent.getStart(sf), end: node.parent.getEnd() };
      return { ...occurrence({ kind: 'class', of: 'relationship', names: [member] }, 'relationship-class'), range: whole, use: whole };
    }
  }
  if (!isStringLike(node) || !node.text) return undefined;
  const slot = propertySlot(node);
  if (!slot) return undefined;
  const { property, object, array } = slot;
  if (property === '_class') {
    const of = objectFlavor(object) === 'relationship' ? 'relationship' : 'entity';
    return occurrence({ kind: 'class', of, names: [node.text] }, of === 'entity' ? 'entity-class' : 'relationship-class');
  }
  if (TYPE_PROPERTIES.has(property) && !array) {
    const role = property === 'sourceType' ? 'source-type' : property === 'targetType' ? 'target-type' : 'entity-type';
    return occurrence({ kind: 'type', type: node.text }, role);
  }
  if (property === 'dependsOn' && array) return occurrence({ kind: 'step', id: node.text }, 'depends-on');
  if (property === 'id' && !array && object.properties.some((p) => STEP_KEYS.has(propertyNameText(p.name) ?? ''))) {
    return occurrence({ kind: 'step', id: node.text }, 'step-id');
  }
  return undefined;
}

/** `RelationshipClass.HAS` (or `sdk.RelationshipClass.HAS`): the member name. */
export function relationshipClassMember(access: ts.PropertyAccessExpression): string | undefined {
  const target = access.expression;
  const named = ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
  if (named !== 'RelationshipClass') return undefined;
  return access.name.text || undefined;
}
