import * as classSchemas from '@jupiterone/data-model/dist/class_schemas';
import { RELATIONSHIP_CLASSES } from '../sdk/relationshipClasses';
import type { DataModelFacts } from './types';

/**
 * The entity and relationship classes of the bundled @jupiterone/data-model, with the schema
 * descriptions hovers and completions show (the core's data-model views keep only what rules need).
 */

export interface EntityClassInfo {
  name: string;
  description?: string;
  /** Required properties the class itself adds. */
  required: string[];
  /** Required properties of the schemas it extends (`#Entity`, `#GraphObject`), nearest first. */
  inherited: Array<{ from: string; required: string[] }>;
}

export interface ClassCatalog {
  entityClasses: string[];
  entityClass(name: string): EntityClassInfo | undefined;
  relationshipClasses: string[];
}

interface JsonSchema {
  $ref?: string;
  description?: string;
  required?: string[];
  allOf?: JsonSchema[];
}

// Base schemas every class extends: not classes an entity is given.
const BASES = new Set(['GraphObject', 'Entity']);

let catalog: ClassCatalog | null | undefined;

/** The catalog, or undefined when the package's schemas cannot be read (then class features stay silent). */
export function classCatalog(): ClassCatalog | undefined {
  if (catalog === undefined) {
    try {
      catalog = loadCatalog(classSchemas as unknown as Record<string, JsonSchema>, Object.keys(RELATIONSHIP_CLASSES));
    } catch {
      catalog = null;
    }
  }
  return catalog ?? undefined;
}

function loadCatalog(schemas: Record<string, JsonSchema>, relationshipClasses: string[]): ClassCatalog {
  const names = Object.keys(schemas).filter((n) => n !== 'default' && schemas[n] && typeof schemas[n] === 'object' && !n.startsWith('__'));
  const info = new Map<string, EntityClassInfo>();
  const entityClass = (name: string): EntityClassInfo | undefined => {
    const schema = names.includes(name) ? schemas[name] : undefined;
    if (!schema) return undefined;
    let result = info.get(name);
    if (!result) {
      result = { name, description: schema.description, required: ownRequired(schema), inherited: inheritedRequired(schemas, schema) };
      info.set(name, result);
    }
    return result;
  };
  return {
    entityClasses: names.filter((n) => !BASES.has(n)).sort(),
    entityClass,
    // Keys, not values: the SDK looks `_class` up among RelationshipClass's keys (they are equal today).
    relationshipClasses: [...relationshipClasses].sort(),
  };
}

/** Entity classes to offer: the project's data model's when it lists any, else the bundled ones. */
export function entityClassNames(dataModel: DataModelFacts | undefined): string[] {
  const listed = dataModel?.entityClasses() ?? [];
  if (listed.length) return listed.filter((n) => !BASES.has(n)).sort();
  return classCatalog()?.entityClasses ?? [];
}

export function relationshipClassNames(dataModel: DataModelFacts | undefined): string[] {
  const listed = dataModel?.relationshipClasses() ?? [];
  if (listed.length) return [...listed].sort();
  return classCatalog()?.relationshipClasses ?? [];
}

function ownRequired(schema: JsonSchema): string[] {
  const out = new Set(schema.required ?? []);
  for (const part of schema.allOf ?? []) if (!part.$ref) for (const name of part.required ?? []) out.add(name);
  return [...out];
}

function inheritedRequired(schemas: Record<string, JsonSchema>, schema: JsonSchema): Array<{ from: string; required: string[] }> {
  const out: Array<{ from: string; required: string[] }> = [];
  const seen = new Set<string>();
  let refs = (schema.allOf ?? []).filter((p) => p.$ref).map((p) => p.$ref as string);
  while (refs.length) {
    const next: string[] = [];
    for (const ref of refs) {
      const name = ref.replace(/^#/, '');
      const base = schemas[name];
      if (!base || seen.has(name)) continue;
      seen.add(name);
      out.push({ from: name, required: ownRequired(base) });
      for (const part of base.allOf ?? []) if (part.$ref) next.push(part.$ref);
    }
    refs = next;
  }
  return out;
}
