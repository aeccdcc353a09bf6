// The modules these constants live in, not the package index: the index also builds every TypeBox class schema
// at load (~130 ms), and the analysis needs only each class's `$id`, which the JSON class schemas carry too.
import * as classSchemas from '@jupiterone/data-model/dist/class_schemas';
import { EVERYONE, INTERNET } from '@jupiterone/data-model/dist/globalEntities';
import type { SourceRange } from '../../model/types';
import { RELATIONSHIP_CLASSES } from '../../sdk/relationshipClasses';
import { fromPrimitive, str, unknown, type Item, type ObjectValue, type Prop, type Value } from '../values';

const DATA_MODEL = '@jupiterone/data-model';

/** A JSON-like constant of the bundled data model as a static value (written in the package: no location). */
function fromConstant(value: unknown, at?: SourceRange): Value {
  if (Array.isArray(value)) {
    const items: Item[] = value.map((v) => ({ value: fromConstant(v, at), at }));
    return { k: 'array', items, unknowns: [], at };
  }
  if (value !== null && typeof value === 'object') {
    const props = new Map<string, Prop>();
    for (const [key, inner] of Object.entries(value)) {
      const converted = fromConstant(inner, at);
      props.set(key, { get: () => converted });
    }
    return { k: 'object', props, at };
  }
  return fromPrimitive(value, at);
}

/**
 * `typeboxClassSchemaMap`: each class of the bundled data model maps to its JSON schema, whose `$id`
 * is `#<Class>` (what createMultiClassEntityMetadata reads). The rest of each schema is not modelled.
 */
function classSchemaMap(at: SourceRange): ObjectValue {
  const props = new Map<string, Prop>();
  for (const [name, schema] of Object.entries(classSchemas as unknown as Record<string, { $id?: unknown }>)) {
    let memo: ObjectValue | undefined;
    props.set(name, {
      get: () =>
        (memo ??= {
          k: 'object',
          props: new Map<string, Prop>([['$id', { get: () => (typeof schema.$id === 'string' ? str(schema.$id) : unknown(`the $id of ${name} is not a string`, at)) }]]),
          open: unknown(`the JSON schema of the ${name} class is not modelled`, at),
          at,
        }),
    });
  }
  return {
    k: 'object',
    props,
    // A class this bundled data model does not know may exist in the project's own version.
    open: unknown(`a class schema that the bundled ${DATA_MODEL} does not define`, at),
    at,
  };
}

const MODELLED = ['RelationshipClass', 'INTERNET', 'EVERYONE', 'typeboxClassSchemaMap'];

/** `import { name } from '@jupiterone/data-model'`: the constants step metadata uses; undefined for the rest. */
export function dataModelExport(name: string, at: SourceRange): Value | undefined {
  switch (name) {
    case 'RelationshipClass':
      return fromConstant(RELATIONSHIP_CLASSES);
    case 'INTERNET':
      return fromConstant(INTERNET);
    case 'EVERYONE':
      return fromConstant(EVERYONE);
    case 'typeboxClassSchemaMap':
      return classSchemaMap(at);
    case '*': {
      const props = new Map<string, Prop>();
      for (const member of MODELLED) {
        let memo: Value | undefined;
        props.set(member, { get: () => (memo ??= dataModelExport(member, at) as Value) });
      }
      return { k: 'object', props, open: unknown(`a member of ${DATA_MODEL} that the analysis does not model`, at), at };
    }
    default:
      return undefined;
  }
}
