import type { DataModelView } from './types';

/** The part of a data-model class schema that decides what is required. */
export interface ClassSchema {
  $id?: string;
  $ref?: string;
  required?: string[];
  allOf?: ClassSchema[];
  [key: string]: unknown;
}

/**
 * Where a view's class schemas come from. An installed package is read one schema at a time: a
 * check needs the few classes the integration uses, not the hundred the package holds.
 */
export interface ClassSchemaSource {
  /** The class a schema file is named for, when the package lists its files (its `$id` is then `#name`). */
  named(name: string): ClassSchema | 'unreadable' | undefined;
  /** Every schema; undefined when one cannot be read (then nothing is certain). */
  all(): readonly ClassSchema[] | undefined;
}

/** Schemas already in memory (the bundled package). */
export function schemaList(schemas: Iterable<ClassSchema>): ClassSchemaSource {
  const list = [...schemas];
  return { named: () => undefined, all: () => list };
}

/**
 * A data model read from its JSON schemas (the bundled package, or the one installed in the
 * project). Required properties follow `$ref` and `allOf` the way ajv does for `required`:
 * a class requires what its own schema and every schema it references require.
 */
export function schemaDataModel(label: string, version: string | undefined, source: ClassSchemaSource, relationshipClasses: Iterable<string>): DataModelView {
  /** Schemas by `$id` (without `#`): filled one at a time, or all at once by loadAll. */
  const byName = new Map<string, ClassSchema>();
  /** Every schema: not read yet (null), or undefined when one of them cannot be read. */
  let all: readonly ClassSchema[] | undefined | null = null;
  const loadAll = (): readonly ClassSchema[] | undefined => {
    if (all === null) {
      all = source.all();
      if (all) for (const schema of all) if (typeof schema.$id === 'string' && schema.$id.startsWith('#')) byName.set(schema.$id.slice(1), schema);
    }
    return all;
  };
  /** The schema of `name`; undefined when there is none, 'unknown' when that cannot be told. */
  const schemaOf = (name: string): ClassSchema | 'unknown' | undefined => {
    const known = byName.get(name);
    if (known || all) return known;
    const named = source.named(name);
    if (named === 'unreadable') return 'unknown';
    if (named && named.$id === `#${name}`) {
      byName.set(name, named);
      return named;
    }
    // Not listed under its name (or named otherwise inside): only the whole package can tell.
    if (!loadAll()) return 'unknown';
    return byName.get(name);
  };
  const relationships = new Set(relationshipClasses);
  const requiredCache = new Map<string, string[] | undefined>();

  /** False when a referenced schema is missing or unreadable: the set would be incomplete. */
  const collect = (schema: ClassSchema, into: Set<string>, seen: Set<string>): boolean => {
    for (const name of Array.isArray(schema.required) ? schema.required : []) if (typeof name === 'string') into.add(name);
    if (typeof schema.$ref === 'string') {
      const target = schema.$ref.replace(/^#/, '');
      if (!seen.has(target)) {
        seen.add(target);
        const referenced = schemaOf(target);
        if (!referenced || referenced === 'unknown' || !collect(referenced, into, seen)) return false;
      }
    }
    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) if (!collect(part, into, seen)) return false;
    return true;
  };

  return {
    label,
    version,
    isEntityClass(name) {
      const schema = schemaOf(name);
      return schema === 'unknown' ? undefined : schema !== undefined;
    },
    isRelationshipClass: (name) => relationships.has(name),
    requiredProperties(name) {
      if (!requiredCache.has(name)) {
        const schema = schemaOf(name);
        const into = new Set<string>();
        requiredCache.set(name, schema && schema !== 'unknown' && collect(schema, into, new Set([name])) ? [...into].sort() : undefined);
      }
      return requiredCache.get(name);
    },
    entityClasses: () => (loadAll() ? [...byName.keys()] : []),
    relationshipClasses: () => [...relationships],
    get classSchemas() {
      return loadAll();
    },
  };
}
