import type { EntityMetadataModel, ListModel, RelationshipMetadataModel, StepModel } from '../model/types';

export type TypeList = 'entities' | 'relationships' | 'mappedRelationships';

export interface DeclaredType {
  type: string;
  list: TypeList;
  item: EntityMetadataModel | RelationshipMetadataModel;
}

export interface StepTypes {
  /** Declared types by `_type`, in the order the step lists them. */
  byType: Map<string, DeclaredType[]>;
  all: DeclaredType[];
  /** True when every list is fully known and every `_type` in them too: only then is "not declared" certain. */
  complete: boolean;
}

/** Per step model (models are rebuilt, never changed): missing-data-dependency asks again for every step before each step. */
const memo = new WeakMap<StepModel, StepTypes>();

/** The types a step declares in entities, relationships and mappedRelationships (the runtime's declaredTypes). */
export function declaredTypes(step: StepModel): StepTypes {
  let result = memo.get(step);
  if (!result) memo.set(step, (result = collect(step)));
  return result;
}

function collect(step: StepModel): StepTypes {
  const result: StepTypes = { byType: new Map(), all: [], complete: true };
  const add = (list: TypeList, model: ListModel<EntityMetadataModel | RelationshipMetadataModel>) => {
    if (!model.complete) result.complete = false;
    for (const item of model.items) {
      if (item._type.kind !== 'known') {
        result.complete = false;
        continue;
      }
      const declared: DeclaredType = { type: item._type.value, list, item };
      result.all.push(declared);
      const same = result.byType.get(declared.type) ?? [];
      same.push(declared);
      result.byType.set(declared.type, same);
    }
  };
  add('entities', step.entities);
  add('relationships', step.relationships);
  add('mappedRelationships', step.mappedRelationships);
  return result;
}

export function stepLabel(step: StepModel): string {
  return step.id.kind === 'known' ? `Step "${step.id.value}"` : 'This step';
}
