import { spreadInto } from '../evaluator/expressions';
import { constProp, str, truthiness, unknown, type ObjectValue, type Prop, type Value } from '../evaluator/values';
import type { SourceRange } from '../model/types';
import { generateRelationshipType } from '../sdk/relationshipType';
import { choices, CHOICE_LIMIT, dataOf, join } from './abstract';
import type { RelationshipProvenance } from './provenance';
import { resolvedClass, resolvedString } from './sink';
import type { Walker } from './walker';

/** The SDK functions that build graph objects; their results carry the `_type` the SDK computes. */
export const SDK_GRAPH_FUNCTIONS = new Set(['createIntegrationEntity', 'createDirectRelationship', 'createMappedRelationship', 'createIntegrationRelationship', 'assignTags']);

export function sdkCall(w: Walker, name: string, args: Value[], at: SourceRange): Value {
  if (name === 'assignTags') return assignTags(w, args, at);
  const input = args[0] ?? { k: 'undefined' };
  const results: Value[] = [];
  for (const options of choices(input)) {
    if (options.k !== 'object') {
      results.push(unknown(options.k === 'unknown' ? options.reason : `${name} needs an options object`, options.at ?? at));
      continue;
    }
    if (name === 'createIntegrationEntity') results.push(createEntity(w, options, at));
    else if (name === 'createDirectRelationship') results.push(directRelationship(w, options, at, 'createDirectRelationship'));
    else if (name === 'createMappedRelationship') results.push(mappedRelationship(w, options, at, 'createMappedRelationship'));
    else results.push(integrationRelationship(w, options, at));
  }
  return join(results, `the result of ${name} differs between paths`, at);
}

/**
 * createIntegrationEntity (core/src/data/createIntegrationEntity.ts): `{ ...whitelisted(source), ...assign,
 * _class: [assign._class].flat(), _rawData }`. Properties of `assign` are known as written; those
 * copied from `source` only at run time.
 */
function createEntity(w: Walker, input: ObjectValue, at: SourceRange): Value {
  const results: Value[] = [];
  for (const entityData of choices(w.member(input, 'entityData', at))) {
    if (entityData.k !== 'object') {
      results.push(unknown(entityData.k === 'unknown' ? entityData.reason : 'entityData is not an object', at));
      continue;
    }
    const source = w.member(entityData, 'source', at);
    const hasSource = choices(source).some((s) => s.k !== 'undefined' && s.k !== 'null');
    for (const assign of choices(w.member(entityData, 'assign', at))) {
      if (assign.k !== 'object') {
        results.push(unknown(assign.k === 'unknown' ? assign.reason : 'entityData.assign is not an object', assign.at ?? at));
        continue;
      }
      const props = new Map<string, Prop>(assign.props);
      const classProp = assign.props.get('_class');
      const classValue = w.member(assign, '_class', at);
      const classes = choices(classValue).map((c) => (c.k === 'array' ? c : c.k === 'unknown' ? c : w.own({ k: 'array' as const, items: [{ value: c, at: c.at }], unknowns: [], at })));
      props.set('_class', constProp(join(classes, '_class differs between paths', at), classProp?.keyAt, classProp?.valueAt));
      props.set('_rawData', constProp(unknown('raw data', at)));
      const open = hasSource ? unknown('a property copied from the provider data (source) at run time', at) : assign.open;
      const entity = w.own<ObjectValue>({ k: 'object', props, open, at });
      w.provenance.setEntity(entity, {
        kind: 'createIntegrationEntity',
        range: at,
        typeProp: assign.props.get('_type'),
        _class: resolvedClass(classValue, classProp?.valueAt ?? assign.at ?? at),
        assign: { keys: [...assign.props.keys()], complete: !assign.open, range: assign.at ?? at },
        hasSource,
      });
      results.push(entity);
    }
  }
  return join(results, 'the entity differs between paths', at);
}

/**
 * assignTags(entity, tags, assignProperties) (core/src/data/tagging.ts) returns the entity it was given,
 * with `tag.*`, `tags` and some lower-cased tag names set on it: only an `assignProperties` list
 * naming `_type` (or one the analysis cannot read) could change its type.
 */
function assignTags(w: Walker, [entity, , properties]: Value[], at: SourceRange): Value {
  if (!entity) return unknown('assignTags() without an entity', at);
  const named = properties && properties.k !== 'undefined' ? properties : undefined;
  const safe = !named || (named.k === 'array' && !named.unknowns.length && named.items.every((i) => i.value.k === 'string' && !i.value.v.startsWith('_')));
  for (const option of choices(entity)) {
    if (option.k !== 'object' || !w.isOwn(option)) continue;
    w.changed(option);
    option.open ??= unknown('a tag property assigned at run time', at);
    if (!safe) option.props.set('_type', constProp(unknown('assignTags() may set _type from a tag', at)));
  }
  return entity;
}

/** An explicit `_type` among `properties` (spread last over the relationship, so it wins). */
function explicitTypes(w: Walker, properties: Value, at: SourceRange): Array<{ value?: Value; prop?: Prop }> {
  const out: Array<{ value?: Value; prop?: Prop }> = [];
  for (const option of choices(properties)) {
    if (option.k === 'undefined' || option.k === 'null') out.push({});
    else if (option.k === 'object') {
      const prop = option.props.get('_type');
      if (prop) out.push({ value: prop.get(), prop });
      else if (option.open) out.push({ value: unknown(`properties may set _type: ${option.open.reason}`, option.open.at ?? at) });
      else out.push({});
    } else out.push({ value: unknown(option.k === 'unknown' ? option.reason : 'properties is not an object', at) });
  }
  return out;
}

/** Every combination of the alternatives of `lists`, bounded like choices are. */
function combinations<T>(lists: T[][]): T[][] | undefined {
  let total = 1;
  for (const list of lists) total *= Math.max(list.length, 1);
  if (total > CHOICE_LIMIT) return undefined;
  // The usual case, one value per list: the one combination, without the flatMap below.
  if (lists.every((list) => list.length === 1)) return [lists.map((list) => list[0])];
  let out: T[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((x) => [...prefix, x]));
  return out;
}

function endpointData(entity: Value, type: Value): string | undefined {
  const data = dataOf(entity) ?? dataOf(type);
  if (!data) return undefined;
  const path = dataOf(entity) ? data.path : data.path.slice(0, -1);
  return path.length === 0 || (path.length === 1 && data.path[data.path.length - 1] === '_type') ? data.key : undefined;
}

/**
 * createDirectRelationship: `_type` is generateRelationshipType(_class, from._type, to._type) (or the
 * literal form's fromType/toType), unless `properties._type` overrides it.
 */
function directRelationship(w: Walker, options: ObjectValue, at: SourceRange, kind: RelationshipProvenance['kind']): Value {
  const literal = options.props.has('fromType') || options.props.has('toType');
  if (!literal && !options.props.has('from') && options.open) return unknown(`the relationship's endpoints: ${options.open.reason}`, at);
  const endpoint = (entityKey: string, typeKey: string) => {
    const entity = literal ? undefined : w.member(options, entityKey, at);
    const prop = literal ? options.props.get(typeKey) : options.props.get(entityKey);
    const type = literal ? w.member(options, typeKey, at) : w.member(entity as Value, '_type', prop?.valueAt ?? at);
    const data = literal ? endpointData({ k: 'undefined' }, type) : endpointData(entity as Value, type);
    return { types: choices(type), use: prop?.valueAt ?? at, data };
  };
  const from = endpoint('from', 'fromType');
  const to = endpoint('to', 'toType');
  const classProp = options.props.get('_class');
  const classes = choices(w.member(options, '_class', at));
  const explicit = explicitTypes(w, w.member(options, 'properties', at), at);
  const combos = combinations<unknown>([classes, from.types, to.types, explicit]);
  if (!combos) return unknown('a relationship whose class or endpoints differ in too many ways', at);
  const results: Value[] = [];
  for (const [cls, fromType, toType, override] of combos as Array<[Value, Value, Value, { value?: Value; prop?: Prop }]>) {
    let type: Value;
    if (override.value) type = override.value;
    else if (cls.k === 'string' && fromType.k === 'string' && toType.k === 'string') type = str(generateRelationshipType(cls.v, fromType.v, toType.v), at);
    else {
      const missing = [cls, fromType, toType].find((v) => v.k !== 'string');
      const data = from.data ?? to.data;
      type = unknown(
        data && missing?.k === 'unknown' ? `generated from the type of the entity stored under '${data}'` : `generated from ${missing?.k === 'unknown' ? missing.reason : 'a value that is not a string'}`,
        at,
      );
    }
    const relationship = relationshipObject(w, options, type, cls, at);
    const provenance: RelationshipProvenance = {
      kind,
      range: at,
      _class: resolvedString(cls, classProp?.valueAt ?? at, 'the relationship _class'),
      sourceType: resolvedString(fromType, from.use, 'the source _type'),
      targetType: resolvedString(toType, to.use, 'the target _type'),
      mapped: false,
    };
    if (override.value) provenance.explicitType = override.prop ?? { valueAt: at, get: () => type };
    if (from.data && fromType.k !== 'string') provenance.sourceDataKey = from.data;
    if (to.data && toType.k !== 'string') provenance.targetDataKey = to.data;
    w.provenance.setRelationship(relationship, provenance);
    results.push(relationship);
  }
  return join(results, 'the relationship differs between paths', at);
}

/**
 * createMappedRelationship: `_type` is the `_type` option, else `properties._type`, else
 * generateRelationshipType(_class, 'mapping_source', target._type) (createMappedRelationshipLiteral).
 */
function mappedRelationship(w: Walker, options: ObjectValue, at: SourceRange, kind: RelationshipProvenance['kind']): Value {
  const mapping = options.props.has('_mapping') ? w.member(options, '_mapping', at) : undefined;
  const target = mapping ? choices(mapping).map((m) => w.member(m, 'targetEntity', at)) : [w.member(options, 'target', at)];
  const targetTypes = target.flatMap((t) => choices(w.member(t, '_type', at)));
  const source = mapping ? undefined : w.member(options, 'source', at);
  const sourceTypes = source ? choices(w.member(source, '_type', at)) : [unknown('a mapped relationship names its source by key only', at)];
  const optionProp = options.props.get('_type');
  const own = choices(w.member(options, '_type', at));
  const fromProperties = explicitTypes(w, w.member(options, 'properties', at), at);
  const classProp = options.props.get('_class');
  const classes = choices(w.member(options, '_class', at));
  const combos = combinations<unknown>([classes, targetTypes, sourceTypes, own, fromProperties]);
  if (!combos) return unknown('a mapped relationship whose class or target differ in too many ways', at);
  const results: Value[] = [];
  for (const [cls, targetType, sourceType, option, properties] of combos as Array<[Value, Value, Value, Value, { value?: Value; prop?: Prop }]>) {
    let type: Value;
    let written: Prop | undefined;
    let generated = false;
    const optionTruth = truthiness(option);
    const propertiesTruth = properties.value ? truthiness(properties.value) : false;
    if (optionTruth === true) {
      type = option;
      written = optionProp;
    } else if (optionTruth === undefined) type = unknown(option.k === 'unknown' ? option.reason : 'the _type option', at);
    else if (propertiesTruth === true) {
      type = properties.value as Value;
      written = properties.prop;
    } else if (propertiesTruth === undefined) type = unknown('properties._type is known only at run time', at);
    else {
      generated = true;
      if (cls.k === 'string' && targetType.k === 'string') type = str(generateRelationshipType(cls.v, 'mapping_source', targetType.v), at);
      else type = unknown(`generated from ${[cls, targetType].find((v) => v.k !== 'string')?.k === 'unknown' ? 'a value known only at run time' : 'a value that is not a string'}`, at);
    }
    const relationship = relationshipObject(w, options, type, cls, at);
    const provenance: RelationshipProvenance = {
      kind,
      range: at,
      _class: resolvedString(cls, classProp?.valueAt ?? at, 'the relationship _class'),
      sourceType: resolvedString(sourceType, at, 'the source _type'),
      targetType: resolvedString(targetType, at, 'the target _type'),
      mapped: true,
    };
    if (!generated) provenance.explicitType = written ?? { valueAt: at, get: () => type };
    w.provenance.setRelationship(relationship, provenance);
    results.push(relationship);
  }
  return join(results, 'the relationship differs between paths', at);
}

/** The deprecated createIntegrationRelationship: mapped when it has `_mapping` or `target`, direct otherwise. */
function integrationRelationship(w: Walker, options: ObjectValue, at: SourceRange): Value {
  if (options.props.has('_mapping') || options.props.has('target')) return mappedRelationship(w, options, at, 'createIntegrationRelationship');
  if (options.open && !options.props.has('from') && !options.props.has('fromType')) return unknown(`the relationship's form: ${options.open.reason}`, at);
  return directRelationship(w, options, at, 'createIntegrationRelationship');
}

/** The relationship object the SDK returns: class upper-cased, `properties` spread over it. */
function relationshipObject(w: Walker, options: ObjectValue, type: Value, cls: Value, at: SourceRange): ObjectValue {
  const object = w.own<ObjectValue>({ k: 'object', props: new Map(), at });
  object.props.set('_key', constProp(unknown('the relationship _key', at)));
  object.props.set('_class', constProp(cls.k === 'string' ? str(cls.v.toUpperCase(), cls.at) : unknown('the relationship _class', at)));
  object.props.set('displayName', constProp(cls.k === 'string' ? str(cls.v.toUpperCase(), cls.at) : unknown('the relationship displayName', at)));
  const properties = w.member(options, 'properties', at);
  if (properties.k === 'object') spreadInto(object, properties, at);
  else if (properties.k !== 'undefined') spreadInto(object, unknown('relationship properties known only at run time', at), at);
  object.props.set('_type', constProp(type, options.props.get('_type')?.keyAt, options.props.get('_type')?.valueAt));
  return object;
}
