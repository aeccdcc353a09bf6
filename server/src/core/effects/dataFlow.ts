import type { IntegrationModel, Known, Resolved, StepModel } from '../model/types';
import { generateRelationshipType } from '../sdk/relationshipType';
import type { RelationshipCreation, StepEffects, TypeRead } from './types';

/** The effects of every step, with what one step can only know from the others filled in. */
export interface IntegrationEffects {
  /** A step's effects with data-dependent relationship types and read types resolved where certain. */
  of(step: StepModel): StepEffects;
  /** Steps whose handlers may `setData` each key (known keys only). */
  dataSetters: Map<string, StepModel[]>;
  /** Whether every setData key of every step is known and every step's effects are complete. */
  dataComplete: boolean;
}

/**
 * Resolves across steps what one handler cannot know alone:
 *
 * - `jobState.getData(key)` returns what another step stored with `setData(key, entity)`: when every
 *   step's effects are complete, every setData key is known, and all the entities stored under `key`
 *   have one known `_type`, that is the type of the entity read, so a relationship built from it gets
 *   the `_type` the SDK will generate, and the read is a read of that type.
 * - `jobState.findEntity(key)` finds the entity added with that `_key`: when all the entities added
 *   with that known `_key` have one `_type`, the read is a read of that type.
 */
export function resolveIntegrationEffects(model: IntegrationModel, effectsOf: (step: StepModel) => StepEffects): IntegrationEffects {
  const steps = model.steps.items;
  const all = new Map(steps.map((s) => [s, effectsOf(s)] as const));
  const dataSetters = new Map<string, StepModel[]>();
  const dataTypes = new Map<string, Set<string> | null>();
  let dataComplete = model.steps.complete;
  for (const [step, effects] of all) {
    if (!effects.complete) dataComplete = false;
    for (const write of effects.dataWrites) {
      if (write.key.kind !== 'known') {
        dataComplete = false;
        continue;
      }
      const key = write.key.value;
      const setters = dataSetters.get(key) ?? [];
      if (!setters.includes(step)) setters.push(step);
      dataSetters.set(key, setters);
      const types = dataTypes.get(key);
      if (types === null) continue;
      if (write._type?.kind !== 'known') dataTypes.set(key, null);
      else dataTypes.set(key, (types ?? new Set()).add(write._type.value));
    }
  }
  const dataType = (key: string | undefined): string | undefined => {
    if (!key || !dataComplete) return undefined;
    const types = dataTypes.get(key);
    return types && types.size === 1 ? [...types][0] : undefined;
  };

  const keyTypes = new Map<string, Set<string> | null>();
  for (const effects of all.values()) {
    for (const entity of effects.entities) {
      if (entity._key?.kind !== 'known') continue;
      const types = keyTypes.get(entity._key.value);
      if (types === null) continue;
      if (entity._type.kind !== 'known') keyTypes.set(entity._key.value, null);
      else keyTypes.set(entity._key.value, (types ?? new Set()).add(entity._type.value));
    }
  }
  const keyType = (key: string): string | undefined => {
    const types = keyTypes.get(key);
    return types && types.size === 1 ? [...types][0] : undefined;
  };

  const resolved = new Map<StepModel, StepEffects>();
  return {
    dataSetters,
    dataComplete,
    of(step) {
      const cached = resolved.get(step);
      if (cached) return cached;
      const effects = all.get(step) ?? effectsOf(step);
      const relationships = effects.relationships.map((r) => resolveRelationship(r, dataType));
      const reads = effects.reads.map((r) => resolveRead(r, dataType, keyType));
      const result: StepEffects = { ...effects, relationships, reads };
      resolved.set(step, result);
      return result;
    },
  };
}

function knownAt(value: string, like: Resolved<string> | undefined, fallback: Resolved<string>): Known<string> {
  return { kind: 'known', value, range: (like ?? fallback).range };
}

function resolveRelationship(r: RelationshipCreation, dataType: (key: string | undefined) => string | undefined): RelationshipCreation {
  if (r._type.kind === 'known' || r.explicitType || (!r.sourceDataKey && !r.targetDataKey)) return r;
  const source = r.sourceType?.kind === 'known' ? r.sourceType.value : dataType(r.sourceDataKey);
  const target = r.targetType?.kind === 'known' ? r.targetType.value : dataType(r.targetDataKey);
  if (r._class.kind !== 'known' || source === undefined || target === undefined) return r;
  return {
    ...r,
    _type: { kind: 'known', value: generateRelationshipType(r._class.value, source, target), range: r._type.range },
    sourceType: r.sourceType?.kind === 'known' ? r.sourceType : knownAt(source, r.sourceType, r._type),
    targetType: r.targetType?.kind === 'known' ? r.targetType : knownAt(target, r.targetType, r._type),
  };
}

function resolveRead(read: TypeRead, dataType: (key: string | undefined) => string | undefined, keyType: (key: string) => string | undefined): TypeRead {
  if (read._type.kind === 'known' || read.key?.kind !== 'known') return read;
  const type = read.kind === 'getData' ? dataType(read.key.value) : read.kind === 'findEntity' ? keyType(read.key.value) : undefined;
  return type === undefined ? read : { ...read, _type: { kind: 'known', value: type, range: read.range } };
}
