import type { EntityCreation, RelationshipCreation } from '../effects/types';
import { generateRelationshipType } from '../sdk/relationshipType';

/**
 * Whether a creation may record `type`: a known `_type` only itself; an unknown entity `_type` or an
 * explicit relationship `_type` anything; a generated relationship `_type` only what
 * generateRelationshipType can give from what is known of its class and endpoint types.
 */
export function mayProduce(record: EntityCreation | RelationshipCreation, type: string): boolean {
  if (record._type.kind === 'known') return record._type.value === type;
  if (!('explicitType' in record) || record.explicitType || record._class.kind !== 'known') return true;
  const source = record.mapped ? 'mapping_source' : record.sourceType?.kind === 'known' ? record.sourceType.value : undefined;
  const target = record.targetType?.kind === 'known' ? record.targetType.value : undefined;
  return couldBeGenerated(type, record._class.value, source, target);
}

/** Whether generateRelationshipType(cls, source, target) can equal `type` for some value of the unknown endpoint types. */
export function couldBeGenerated(type: string, cls: string, source: string | undefined, target: string | undefined): boolean {
  const marker = `_${cls.toLowerCase()}_`;
  if (source !== undefined && target !== undefined) return generateRelationshipType(cls, source, target) === type;
  if (source !== undefined) return type.startsWith(`${source}${marker}`);
  // The source is unknown: any split of `type` around the class could be it.
  for (let at = type.indexOf(marker); at >= 0; at = type.indexOf(marker, at + 1)) {
    if (target === undefined || generateRelationshipType(cls, type.slice(0, at), target) === type) return true;
  }
  return false;
}
