import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * The shape `j1-integration validate-question-file` enforces (the SDK's runtypes records in
 * integration-sdk-cli/src/questions/managedQuestionFileValidator.ts), as a JSON Schema. Runtypes records ignore
 * properties they do not list, so this schema allows them too; an optional field of the SDK (`name`, `compliance`,
 * `requirements`, `controls`) accepts a missing key but not an empty value (`name:` is null, which runtypes rejects),
 * except `resultsAre`, which the SDK allows to be null.
 */
export const RESULTS_ARE = ['BAD', 'GOOD', 'INFORMATIVE', 'UNKNOWN'] as const;

const stringArray = { type: 'array', items: { type: 'string' } } as const;

export const QUESTION_FILE_SCHEMA = {
  $id: 'https://integration-lens/question-file.json',
  type: 'object',
  required: ['integrationDefinitionId', 'sourceId', 'questions'],
  properties: {
    integrationDefinitionId: { type: 'string' },
    sourceId: { type: 'string' },
    questions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'description', 'queries', 'tags'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          description: { type: 'string' },
          queries: {
            type: 'array',
            items: {
              type: 'object',
              required: ['query'],
              properties: {
                name: { type: 'string' },
                query: { type: 'string' },
                resultsAre: { enum: [...RESULTS_ARE, null] },
              },
            },
          },
          tags: stringArray,
          compliance: {
            type: 'array',
            items: {
              type: 'object',
              required: ['standard'],
              properties: {
                standard: { type: 'string' },
                requirements: stringArray,
                controls: stringArray,
              },
            },
          },
        },
      },
    },
  },
} as const;

let validator: ValidateFunction | undefined;

/** Every way the value breaks the SDK's schema (Ajv's errors, all of them, in document order). */
export function schemaErrors(value: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(QUESTION_FILE_SCHEMA);
  // Ajv sees JSON; YAML timestamps (Date) and binary (Uint8Array) are objects to it, as runtypes sees them as non-strings.
  return validator(value) ? [] : [...(validator.errors ?? [])];
}
