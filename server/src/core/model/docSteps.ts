import type { DocStep } from '../document/types';
import type { IntegrationModel, ListModel, Resolved, Unknown } from './types';

/**
 * The step metadata `j1-integration document` would see, when every value it prints is known.
 * Otherwise the values that stop it: the generated tables would be a guess.
 */
export function docStepsOf(model: IntegrationModel): { steps: DocStep[] } | { unresolved: Unknown[] } {
  const missing: Unknown[] = [];
  const value = <T>(r: Resolved<T> | undefined): T | undefined => {
    if (!r) return undefined;
    if (r.kind === 'unknown') {
      missing.push(r);
      return undefined;
    }
    return r.value;
  };
  const list = <T, U>(l: ListModel<T>, map: (item: T) => U): U[] => {
    missing.push(...l.unknowns);
    return l.items.map(map);
  };
  const steps = list(model.steps, (step): DocStep => ({
    id: value(step.id) ?? '',
    dependsOn: list(step.dependsOn, (d) => value(d) ?? ''),
    entities: list(step.entities, (e) => ({ resourceName: value(e.resourceName) ?? '', _type: value(e._type) ?? '', _class: value(e._class) ?? '' })),
    relationships: list(step.relationships, (r) => ({
      _type: value(r._type) ?? '',
      _class: value(r._class) ?? '',
      sourceType: value(r.sourceType) ?? '',
      targetType: value(r.targetType) ?? '',
    })),
    mappedRelationships: list(step.mappedRelationships, (r) => ({
      _type: value(r._type) ?? '',
      _class: value(r._class) ?? '',
      sourceType: value(r.sourceType) ?? '',
      targetType: value(r.targetType) ?? '',
      direction: value(r.direction) ?? '',
    })),
  }));
  return missing.length ? { unresolved: missing } : { steps };
}
