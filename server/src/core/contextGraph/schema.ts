import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { CI_ACTIONS, ENTITY_TYPES, LINK_ACTIONS } from './types';

/**
 * The JSON Schema of a context-graph import, written from the engine's decoders (the Go import worker's
 * ConfigurationItem and Link structs and its `validate`, and the Python ContextGraphImport's CIS_SCHEMA/LINKS_SCHEMA).
 * Unknown properties are allowed: both engines ignore them.
 */
export const CI_SCHEMA = {
  $id: 'context-graph-ci',
  type: 'object',
  required: ['_id', 'type', 'action'],
  properties: {
    _id: { type: 'string', minLength: 1 },
    name: { type: 'string' },
    type: { type: 'string', enum: [...ENTITY_TYPES] },
    action: { type: 'string', enum: [...CI_ACTIONS] },
    infos: { type: 'object' },
    measurements: { type: 'array' },
    enabled: { type: 'boolean' },
    impact_level: { type: 'integer' },
    category: { type: 'string' },
    action_properties: { type: 'object' },
  },
  allOf: [
    {
      if: { required: ['action'], properties: { action: { const: 'enable' } } },
      then: { required: ['action_properties'], properties: { action_properties: { required: ['enable'] } } },
    },
    {
      if: { required: ['action'], properties: { action: { const: 'disable' } } },
      then: { required: ['action_properties'], properties: { action_properties: { required: ['disable'] } } },
    },
  ],
} as const;

export const LINK_SCHEMA = {
  $id: 'context-graph-link',
  type: 'object',
  required: ['from', 'to', 'action'],
  properties: {
    _id: { type: 'string' },
    from: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    to: { type: 'string', minLength: 1 },
    action: { type: 'string', enum: [...LINK_ACTIONS] },
    infos: { type: 'object' },
    action_properties: { type: 'object' },
  },
} as const;

export const IMPORT_SCHEMA = {
  $id: 'context-graph-import',
  type: 'object',
  properties: {
    cis: { type: 'array' },
    links: { type: 'array' },
  },
} as const;

interface Validators {
  ci: ValidateFunction;
  link: ValidateFunction;
  root: ValidateFunction;
}

let validators: Validators | undefined;

/** Compiled once per process (Ajv compiles to code; a few milliseconds). */
export function schemaValidators(): Validators {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validators = { ci: ajv.compile(CI_SCHEMA), link: ajv.compile(LINK_SCHEMA), root: ajv.compile(IMPORT_SCHEMA) };
  }
  return validators;
}

/** Ajv's errors without the bookkeeping ones (`if` repeats what its `then` says). */
export function meaningfulErrors(errors: ErrorObject[] | null | undefined): ErrorObject[] {
  return (errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'allOf');
}
