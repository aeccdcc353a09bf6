import { sameRange } from '../model/sameRange';
import type { SourceRange } from '../model/types';
import { generateRelationshipKey, generateRelationshipType } from '../sdk/relationshipType';
import { RELATIONSHIP_CLASSES, RELATIONSHIP_DIRECTIONS } from '../sdk/relationshipClasses';
import { memberOf } from './members';
import { createIntegrationHelpers } from './builtins/integrationHelpers';
import { dataModelExport } from './builtins/dataModel';
import { objectOf, str, unknown, type BuiltinValue, type ObjectValue, type Prop, type Value } from './values';

const SDK_CORE = '@jupiterone/integration-sdk-core';
const DATA_MODEL = '@jupiterone/data-model';

/** A type name (`{ _type }` object or string), as the SDK's generators accept them. */
function typeName(value: Value | undefined, key: '_type' | '_key', at: SourceRange): string | Value {
  if (!value) return unknown('missing argument', at);
  if (value.k === 'string') return value.v;
  if (value.k === 'object') {
    const inner = memberOf(undefined as never, value, key, at);
    if (inner.k === 'string') return inner.v;
    return inner.k === 'unknown' ? inner : unknown(`argument has no string ${key}`, at);
  }
  return value.k === 'unknown' ? value : unknown(`argument is not a string or an object with ${key}`, at);
}

function generator(name: string, key: '_type' | '_key', compute: (c: string, a: string, b: string) => string): BuiltinValue {
  return {
    k: 'builtin',
    name: `${SDK_CORE}.${name}`,
    call: ([cls, from, to], ctx) => {
      if (!cls || cls.k !== 'string') return cls?.k === 'unknown' ? cls : unknown(`${name}: relationship class is not a known string`, ctx.at);
      const a = typeName(from, key, ctx.at);
      if (typeof a !== 'string') return a;
      const b = typeName(to, key, ctx.at);
      if (typeof b !== 'string') return b;
      return str(compute(cls.v, a, b), ctx.at);
    },
  };
}

/**
 * Every module importing RelationshipClass gets its own object (its identity and property map are the
 * module's), but the ~60 properties and their string values are immutable: built once per enum.
 */
const enumProps = new Map<Readonly<Record<string, string>>, Map<string, Prop>>();
/** Which enum each module's enum object copies (see sameSdkValue). */
const enumOf = new WeakMap<ObjectValue, Readonly<Record<string, string>>>();
function enumObject(values: Readonly<Record<string, string>>): ObjectValue {
  let props = enumProps.get(values);
  if (!props) enumProps.set(values, (props = objectOf(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, str(v)]))).props));
  const copy = new Map<string, Prop>();
  props.forEach((prop, key) => copy.set(key, prop)); // no [key, value] entry per property, as new Map(props) makes
  const result: ObjectValue = { k: 'object', props: copy, at: undefined };
  enumOf.set(result, values);
  return result;
}

/**
 * Whether two values an import of the SDK gave (to a module, and to the same module loaded again) behave the
 * same: SDK functions are made per import but act by their name alone, and enum objects copy one enum (code
 * that is not the walker's never changes them, and the walker changes only what it made).
 */
export function sameSdkValue(a: Value, b: Value): boolean {
  if (a.k === 'builtin' && b.k === 'builtin') {
    return a.name === b.name && a.name.startsWith(`${SDK_CORE}.`) && !a.props && !b.props && sameRange(a.at, b.at);
  }
  if (a.k === 'object' && b.k === 'object') {
    const values = enumOf.get(a);
    if (!values || values !== enumOf.get(b) || a.open || b.open || a.props.size !== b.props.size) return false;
    // Both still hold the enum's shared properties (nothing replaced one).
    for (const [key, prop] of a.props) if (b.props.get(key) !== prop) return false;
    return true;
  }
  return false;
}

const DISABLED_STEP_REASONS: Readonly<Record<string, string>> = {
  NONE: 'none', PERMISSION: 'permission', BETA: 'beta', CONFIG: 'config', USER_CONFIG: 'user_config',
  API_VERSION: 'api_version', PARENT_DISABLED: 'parent_disabled',
};

/** SDK functions that only make sense at run time: callable, but their result is unknown. */
const RUNTIME_FUNCTIONS = [
  'createIntegrationEntity', 'createDirectRelationship', 'createMappedRelationship', 'createIntegrationRelationship',
  'convertProperties', 'parseTimePropertyValue', 'getTime', 'assignTags',
  'IntegrationError', 'IntegrationValidationError', 'IntegrationProviderAuthenticationError',
  'IntegrationProviderAuthorizationError', 'IntegrationProviderAPIError',
];

function sdkCoreExport(name: string, at: SourceRange): Value | undefined {
  switch (name) {
    case 'RelationshipClass':
      return enumObject(RELATIONSHIP_CLASSES);
    case 'RelationshipDirection':
      return enumObject(RELATIONSHIP_DIRECTIONS);
    case 'DisabledStepReason':
      return enumObject(DISABLED_STEP_REASONS);
    case 'generateRelationshipType':
      return generator(name, '_type', generateRelationshipType);
    case 'generateRelationshipKey':
      return generator(name, '_key', generateRelationshipKey);
    case 'createIntegrationHelpers':
      return createIntegrationHelpers(at);
    default:
      if (RUNTIME_FUNCTIONS.includes(name)) {
        return { k: 'builtin', name: `${SDK_CORE}.${name}`, call: (_args, ctx) => unknown(`the result of ${name}() exists only at run time`, ctx.at), at };
      }
      return undefined;
  }
}

/** What `import { name } from pkg` gives: the SDK's metadata helpers are modelled; other packages are not read. */
export function packageExport(pkg: string, name: string, at: SourceRange): Value {
  if (pkg === SDK_CORE || pkg.startsWith(`${SDK_CORE}/`)) {
    if (name === '*') {
      const names = [
        'RelationshipClass', 'RelationshipDirection', 'DisabledStepReason', 'generateRelationshipType', 'generateRelationshipKey',
        'createIntegrationHelpers', ...RUNTIME_FUNCTIONS,
      ];
      const ns = objectOf(Object.fromEntries(names.map((n) => [n, sdkCoreExport(n, at) as Value])), at);
      ns.open = unknown(`a member of ${SDK_CORE} that the analysis does not model`, at);
      return ns;
    }
    return sdkCoreExport(name, at) ?? unknown(`'${name}' from ${SDK_CORE} is not modelled`, at);
  }
  if (pkg === DATA_MODEL) {
    const value = dataModelExport(name, at);
    if (value) return value;
  }
  return unknown(`'${name === '*' ? pkg : name}' comes from the package '${pkg}', which the analysis does not read`, at);
}
