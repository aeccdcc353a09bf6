import type { SourceRange } from '../../model/types';
import { memberOf } from '../members';
import {
  NOT_PRIMITIVE,
  primitive,
  str,
  unknown,
  type ArrayValue,
  type BuiltinValue,
  type CallContext,
  type ObjectValue,
  type Prop,
  type Value,
} from '../values';

const SDK_CORE = '@jupiterone/integration-sdk-core';

/**
 * `createIntegrationHelpers({ integrationName, classSchemaMap })` of the SDK (12.8+), evaluated the way
 * its source does for the values step metadata needs:
 * - `createEntityType(name)` is `${integrationName}_${name}`;
 * - `createEntityMetadata(spec)` returns `[metadata, createEntityData]` where metadata is
 *   `{ _class, _type, resourceName, schema, ...rest }` (rest: the spec without resourceName, _class,
 *   _type, description, schema);
 * - `createMultiClassEntityMetadata(spec)` does the same with `_class` computed from the class
 *   schemas' `$id` (`'#Host'` -> `'Host'`).
 * The typebox schema and the entity-data function exist only at run time and stay unknown.
 */
export function createIntegrationHelpers(at: SourceRange): BuiltinValue {
  return {
    k: 'builtin',
    name: `${SDK_CORE}.createIntegrationHelpers`,
    at,
    call: ([options], ctx) => {
      if (!options || options.k === 'undefined' || options.k === 'null') {
        return unknown('createIntegrationHelpers() without its options object would throw at run time', ctx.at);
      }
      if (options.k === 'unknown') return { ...options, at: options.at ?? ctx.at };
      if (options.k !== 'object') return unknown('createIntegrationHelpers() options are not an object', ctx.at);
      const helpers: ObjectValue = {
        k: 'object',
        props: new Map<string, Prop>(),
        // Helpers of other SDK releases (12.8.0 named createEntityMetadata createIntegrationEntity).
        open: unknown('a member of the createIntegrationHelpers() result that the analysis does not model', ctx.at),
        at: ctx.at,
      };
      const set = (name: string, value: BuiltinValue) => helpers.props.set(name, { get: () => value });
      set('createEntityType', entityTypeHelper(options, ctx.at));
      set('createEntityMetadata', metadataHelper('createEntityMetadata', (spec, callAt) => specProp(spec, '_class', callAt)));
      set('createMultiClassEntityMetadata', metadataHelper('createMultiClassEntityMetadata', multiClass));
      return helpers;
    },
  };
}

function entityTypeHelper(options: ObjectValue, optionsAt: SourceRange): BuiltinValue {
  return {
    k: 'builtin',
    name: 'createEntityType',
    call: ([entityName], ctx) => {
      const integrationName = memberOf(undefined as never, options, 'integrationName', optionsAt);
      // `${integrationName}_${entityName}`: a template converts primitives with String().
      for (const part of [integrationName, entityName ?? { k: 'undefined' }]) {
        if (part.k === 'unknown') return { ...part, at: part.at ?? ctx.at };
        if (primitive(part) === NOT_PRIMITIVE) return unknown('createEntityType() of a value that is not a primitive', ctx.at);
      }
      return str(`${String(primitive(integrationName))}_${String(primitive(entityName ?? { k: 'undefined' }))}`, ctx.at);
    },
  };
}

/** A property of the spec as destructuring reads it (a spread known only at run time makes it unknown). */
function specProp(spec: ObjectValue, key: string, at: SourceRange): Prop {
  const prop = spec.props.get(key);
  if (prop) return prop;
  const value: Value = spec.open ?? { k: 'undefined', at };
  return { get: () => value };
}

/** Where a `createEntityData` builtin keeps its metadata (a key no JavaScript property access writes). */
export const ENTITY_METADATA_SLOT = '[[entityMetadata]]';

const TAKEN = new Set(['resourceName', '_class', '_type', 'description', 'schema']);

function metadataHelper(name: string, classOf: (spec: ObjectValue, at: SourceRange) => Prop): BuiltinValue {
  return {
    k: 'builtin',
    name,
    call: ([spec], ctx) => {
      if (!spec || spec.k === 'undefined' || spec.k === 'null') return unknown(`${name}() without its argument would throw at run time`, ctx.at);
      if (spec.k === 'unknown') return { ...spec, at: spec.at ?? ctx.at };
      if (spec.k !== 'object') return unknown(`${name}() of a value that is not an object`, ctx.at);
      const props = new Map<string, Prop>();
      props.set('_class', classOf(spec, ctx.at));
      props.set('_type', specProp(spec, '_type', ctx.at));
      props.set('resourceName', specProp(spec, 'resourceName', ctx.at));
      const schema = unknown(`the schema built by ${name}() exists only at run time`, ctx.at);
      props.set('schema', { get: () => schema });
      // `...entityMetadata`: the rest of the spec, in its order, after the keys set above.
      for (const [key, prop] of spec.props) if (!TAKEN.has(key)) props.set(key, prop);
      const metadata: ObjectValue = { k: 'object', props, at: ctx.at };
      if (spec.open) metadata.open = spec.open;
      const createEntityData: BuiltinValue = {
        k: 'builtin',
        name: 'createEntityData',
        call: (_args, inner: CallContext) => unknown('entity data exists only at run time', inner.at),
        // For the handler analysis, which models `({ ...entityData, _class, _type })` itself.
        props: new Map([[ENTITY_METADATA_SLOT, metadata]]),
      };
      const result: ArrayValue = {
        k: 'array',
        items: [
          { value: metadata, at: ctx.at },
          { value: createEntityData, at: ctx.at },
        ],
        unknowns: [],
        at: ctx.at,
      };
      return result;
    },
  };
}

/** `_class.map((classSchema) => classSchema.$id!.replace('#', ''))`. */
function multiClass(spec: ObjectValue, at: SourceRange): Prop {
  const source = specProp(spec, '_class', at);
  let memo: Value | undefined;
  const compute = (): Value => {
    const list = source.get();
    if (list.k === 'unknown') return list;
    if (list.k !== 'array') return unknown('createMultiClassEntityMetadata() _class is not a list of class schemas', list.at ?? at);
    if (list.unknowns.length) return list.unknowns[0];
    const items = [];
    for (const item of list.items) {
      const id = memberOf(undefined as never, item.value, '$id', item.at ?? at);
      if (id.k === 'unknown') return id;
      if (id.k !== 'string') return unknown('a class schema without a string $id: the SDK would throw at run time', item.at ?? at);
      items.push({ value: str(id.v.replace('#', ''), item.at ?? at), at: item.at });
    }
    return { k: 'array', items, unknowns: [], at: list.at ?? at };
  };
  return { keyAt: source.keyAt, valueAt: source.valueAt, get: () => (memo ??= compute()) };
}
