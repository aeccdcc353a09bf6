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
 * A data model read from its JSON schemas (the bundled package, or the one installed in the
 * project). Required properties follow `$ref` and `allOf` the way ajv does for `required`:
 * a class requires what its own schema and every schema it references require.
 */
export function schemaDataModel(label: string, version: string | undefined, schemas: Iterable<ClassSchema>, relationshipClasses: Iterable<string>): DataModelView {
  const byName = new Map<string, ClassSchema>();
  const all = [...schemas];
  for (const schema of all) {
    if (typeof schema.$id === 'string' && schema.$id.startsWith('#')) byName.set(schema.$id.slice(1), schema);
  }
  const relationships = new Set(relationshipClasses);
  const requiredCache = new Map<string, string[] | undefined>();

  /** Undefined when a referenced schema is missing: the set would be incomplete. */
  const collect = (schema: ClassSchema, into: Set<string>, seen: Set<string>): boolean => {
    for (const name of Array.isArray(schema.required) ? schema.required : []) if (typeof name === 'string') into.add(name);
    if (typeof schema.$ref === 'string') {
      const target = schema.$ref.replace(/^#/, '');
      if (!seen.has(target)) {
        seen.add(target);
        const referenced = byName.get(target);
        if (!referenced || !collect(referenced, into, seen)) return false;
      }
    }
    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) if (!collect(part, into, seen)) return false;
    return true;
  };

  return {
    label,
    version,
    isEntityClass: (name) => byName.has(name),
    isRelationshipClass: (name) => relationships.has(name),
    requiredProperties(name) {
      if (!requiredCache.has(name)) {
        const schema = byName.get(name);
        const into = new Set<string>();
        requiredCache.set(name, schema && collect(schema, into, new Set([name])) ? [...into].sort() : undefined);
      }
      return requiredCache.get(name);
    },
    entityClasses: () => [...byName.keys()],
    relationshipClasses: () => [...relationships],
    classSchemas: all,
  };
}
