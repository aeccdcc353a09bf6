import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Finding } from '../rules/types';
import { jsonDigest } from './digest';
import { propertyNode, rangeOf, stringProperty } from './jsonNodes';
import type { CollectionKind, EntityRecord, RelationshipRecord } from './types';

/** One parsed graph file: its records and, for per-object checks, each object's node and value. */
export interface ParsedGraphFile {
  file: string;
  stepId: string;
  collection: CollectionKind;
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  /** Entities with their parse nodes and values, in file order (same order as `entities`). */
  entityObjects: { record: EntityRecord; node: Node; value: Record<string, unknown> }[];
  findings: Finding[];
}

export const MALFORMED_CODE = 'collected-malformed-file';

/**
 * Reads one `graph/<stepId>/<collection>/<uuid>.json` file: `{"entities": [...]}` or `{"relationships": [...]}`
 * as the SDK's flushDataToDisk writes it. Anything else becomes a finding at the offending place; objects that are
 * not objects are skipped; a file that is not JSON gives one finding and no records.
 */
export function parseGraphFile(file: string, stepId: string, collection: CollectionKind, text: string): ParsedGraphFile {
  const result: ParsedGraphFile = { file, stepId, collection, entities: [], relationships: [], entityObjects: [], findings: [] };
  const malformed = (start: number, end: number, message: string) =>
    result.findings.push({ code: MALFORMED_CODE, severity: 'error', range: { file, start, end }, message });

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length || !root) {
    const first = errors[0];
    const at = first ? first.offset : 0;
    malformed(at, at + (first?.length || 1), `This graph file is not valid JSON (${first ? printParseErrorCode(first.error) : 'empty file'}): the SDK could not read it back. Run the collection again to rewrite it.`);
    return result;
  }
  const list = propertyNode(root, collection);
  if (root.type !== 'object' || !list || list.type !== 'array') {
    malformed(root.offset, root.offset + Math.min(root.length, 1), `A graph file in "${collection}/" holds {"${collection}": [...]}; this one does not, so the SDK skips it. Run the collection again to rewrite it.`);
    return result;
  }
  for (const node of list.children ?? []) {
    if (node.type !== 'object') {
      malformed(node.offset, node.offset + node.length, `Each element of "${collection}" is an object; this one is ${node.type}.`);
      continue;
    }
    const value = getNodeValue(node) as Record<string, unknown>;
    const key = stringProperty(node, '_key');
    const type = stringProperty(node, '_type');
    const classNode = propertyNode(node, '_class');
    const classValue: unknown = classNode ? getNodeValue(classNode) : undefined;
    const classes = (Array.isArray(classValue) ? classValue : [classValue]).filter((c): c is string => typeof c === 'string');
    const name = stringProperty(node, 'displayName') ?? stringProperty(node, 'name');
    const base = {
      stepId,
      range: rangeOf(file, node),
      key: key?.value,
      keyRange: key ? rangeOf(file, key.node) : undefined,
      type: type?.value,
      classes,
      name: name?.value,
      digest: jsonDigest(value),
    };
    if (collection === 'entities') {
      const record: EntityRecord = { kind: 'entity', ...base };
      result.entities.push(record);
      result.entityObjects.push({ record, node, value });
    } else {
      const from = stringProperty(node, '_fromEntityKey');
      const to = stringProperty(node, '_toEntityKey');
      const mapping = propertyNode(node, '_mapping');
      const source = mapping ? stringProperty(mapping, 'sourceEntityKey') : undefined;
      const target = mapping ? propertyNode(mapping, 'targetEntity') : undefined;
      result.relationships.push({
        kind: 'relationship',
        ...base,
        fromKey: from?.value,
        fromKeyRange: from ? rangeOf(file, from.node) : undefined,
        toKey: to?.value,
        toKeyRange: to ? rangeOf(file, to.node) : undefined,
        mapped: mapping?.type === 'object',
        sourceEntityKey: source?.value,
        sourceEntityKeyRange: source ? rangeOf(file, source.node) : undefined,
        mappedTargetType: target ? stringProperty(target, '_type')?.value : undefined,
        mappedDirection: mapping ? stringProperty(mapping, 'relationshipDirection')?.value : undefined,
      });
    }
  }
  return result;
}
