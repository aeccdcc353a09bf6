import type { DocEntity, DocMappedRelationship, DocRelationship, DocStep } from '../../../server/src/core/document/types';

export function step(id: string, parts: Partial<Omit<DocStep, 'id'>> = {}): DocStep {
  return { id, dependsOn: [], entities: [], relationships: [], mappedRelationships: [], ...parts };
}

export function entity(resourceName: string, _type: string, _class: string | string[] = 'Resource'): DocEntity {
  return { resourceName, _type, _class };
}

export function rel(sourceType: string, _class: string, targetType: string, _type?: string): DocRelationship {
  return { _type: _type ?? `${sourceType}_${_class.toLowerCase()}_${targetType}`, _class, sourceType, targetType };
}

export function mapped(
  sourceType: string,
  _class: string,
  targetType: string,
  direction: string,
  _type?: string,
): DocMappedRelationship {
  return { ...rel(sourceType, _class, targetType, _type), direction };
}
