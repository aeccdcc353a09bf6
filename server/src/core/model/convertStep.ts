import type { ObjectValue, Prop, Value } from '../evaluator/values';
import { Converter, describe } from './convert';
import type {
  EntityMetadataModel,
  MappedRelationshipMetadataModel,
  RelationshipMetadataModel,
  Resolved,
  SourceRange,
  StepModel,
} from './types';

function field(object: ObjectValue, key: string, at: SourceRange): { value: Value; use: SourceRange } {
  const prop: Prop | undefined = object.props.get(key);
  if (prop) {
    const value = prop.get();
    return { value, use: prop.valueAt ?? value.at ?? at };
  }
  if (object.open) return { value: object.open, use: at };
  return { value: { k: 'undefined', at }, use: at };
}

function requiredString(convert: Converter, object: ObjectValue, key: string, at: SourceRange, owner: string): Resolved<string> {
  const { value, use } = field(object, key, at);
  if (value.k === 'undefined') return convert.problem(`${owner} has no ${key}`, at);
  return convert.string(value, use, `${owner} ${key}`);
}

function optionalString(convert: Converter, object: ObjectValue, key: string, at: SourceRange): Resolved<string> | undefined {
  return convert.optional(object.props.get(key) ?? openProp(object), at, (v, u) => convert.string(v, u, key));
}

function optionalBoolean(convert: Converter, object: ObjectValue, key: string, at: SourceRange): Resolved<boolean> | undefined {
  return convert.optional(object.props.get(key) ?? openProp(object), at, (v, u) => convert.boolean(v, u, key));
}

function openProp(object: ObjectValue): Prop | undefined {
  const open = object.open;
  return open ? { get: () => open } : undefined;
}

function entity(convert: Converter, value: Value, at: SourceRange): EntityMetadataModel | undefined {
  if (value.k !== 'object') {
    convert.problem(`an entity metadata element is ${describe(value)}, not an object`, value.at ?? at);
    return undefined;
  }
  const { value: cls, use: classAt } = field(value, '_class', at);
  const model: EntityMetadataModel = {
    range: at,
    resourceName: requiredString(convert, value, 'resourceName', at, 'entity metadata'),
    _type: requiredString(convert, value, '_type', at, 'entity metadata'),
    _class: cls.k === 'undefined' ? convert.problem('entity metadata has no _class', at) : convert.stringOrList(cls, classAt, '_class'),
  };
  const partial = optionalBoolean(convert, value, 'partial', at);
  if (partial) model.partial = partial;
  return model;
}

function relationship(convert: Converter, value: Value, at: SourceRange): RelationshipMetadataModel | undefined {
  if (value.k !== 'object') {
    convert.problem(`a relationship metadata element is ${describe(value)}, not an object`, value.at ?? at);
    return undefined;
  }
  const model: RelationshipMetadataModel = {
    range: at,
    _type: requiredString(convert, value, '_type', at, 'relationship metadata'),
    _class: requiredString(convert, value, '_class', at, 'relationship metadata'),
    sourceType: requiredString(convert, value, 'sourceType', at, 'relationship metadata'),
    targetType: requiredString(convert, value, 'targetType', at, 'relationship metadata'),
  };
  const partial = optionalBoolean(convert, value, 'partial', at);
  if (partial) model.partial = partial;
  return model;
}

function mappedRelationship(convert: Converter, value: Value, at: SourceRange): MappedRelationshipMetadataModel | undefined {
  const base = relationship(convert, value, at);
  if (!base || value.k !== 'object') return undefined;
  return { ...base, direction: requiredString(convert, value, 'direction', at, 'mapped relationship metadata') };
}

/** A step of `integrationSteps`, as the runtime would see it. */
export function convertStep(convert: Converter, value: Value, at: SourceRange): StepModel | undefined {
  if (value.k !== 'object') {
    convert.problem(`an element of integrationSteps is ${describe(value)}, not a step object`, value.at ?? at);
    return undefined;
  }
  const range = value.at ?? at;
  const list = (key: string) => {
    const { value: v, use } = field(value, key, range);
    return { v, use };
  };
  const entities = list('entities');
  const relationships = list('relationships');
  const mapped = list('mappedRelationships');
  const dependsOn = list('dependsOn');
  const step: StepModel = {
    range,
    listedAt: at,
    id: requiredString(convert, value, 'id', range, 'step'),
    name: requiredString(convert, value, 'name', range, 'step'),
    entities: convert.list(entities.v, entities.use, (v, a) => entity(convert, v, a)),
    relationships: convert.list(relationships.v, relationships.use, (v, a) => relationship(convert, v, a)),
    mappedRelationships: convert.list(mapped.v, mapped.use, (v, a) => mappedRelationship(convert, v, a)),
    dependsOn: convert.list(dependsOn.v, dependsOn.use, (v, a) => convert.string(v, a, 'dependsOn entry')),
  };
  const dependencyGraphId = optionalString(convert, value, 'dependencyGraphId', range);
  if (dependencyGraphId) step.dependencyGraphId = dependencyGraphId;
  const ingestionSourceId = optionalString(convert, value, 'ingestionSourceId', range);
  if (ingestionSourceId) step.ingestionSourceId = ingestionSourceId;
  const handler = value.props.get('executionHandler');
  if (handler) {
    const handlerValue = handler.get();
    step.executionHandler = convert.functionRef(handlerValue, handler.valueAt ?? range);
    if (handlerValue.k === 'function') convert.handlers.set(step, handlerValue);
  }
  else if (value.open) step.executionHandler = convert.unknownOf(value.open, range);
  return step;
}
