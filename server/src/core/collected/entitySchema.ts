import type { ErrorObject } from 'ajv';
import type { DataModelView } from '../dataModel/types';
import type { Finding } from '../rules/types';
import { classValidator } from './entityValidator';
import type { ParsedGraphFile } from './graphFile';
import { nodeAtPointer, propertyNode, rangeOf } from './jsonNodes';

export const ENTITY_SCHEMA_CODE = 'collected-entity-schema';
export const UNKNOWN_CLASS_CODE = 'collected-unknown-class';

/** At most this many schema errors per entity: the first ones say what to fix. */
const PER_ENTITY = 5;

/**
 * Entities of one graph file that fail their class schemas, the check the SDK makes in createIntegrationEntity when
 * schema validation is on (data-model's validateEntityWithSchema: every `_class`, in order). Collected data that fails
 * it was collected with `--disable-schema-validation` or built without createIntegrationEntity.
 */
export function checkEntitySchemas(parsed: ParsedGraphFile, dataModel: DataModelView): Finding[] {
  const validator = classValidator(dataModel);
  const findings: Finding[] = [];
  for (const { record, node, value } of parsed.entityObjects) {
    const classNode = propertyNode(node, '_class');
    const classRange = classNode ? rangeOf(parsed.file, classNode) : { file: parsed.file, start: node.offset, end: node.offset + 1 };
    const what = `Entity ${record.key !== undefined ? `"${record.key}"` : 'without _key'}${record.type ? ` (${record.type})` : ''}`;
    for (const className of record.classes) {
      if (dataModel.isEntityClass(className) === false) {
        findings.push({
          code: UNKNOWN_CLASS_CODE,
          severity: 'warning',
          range: classRange,
          message: `Could not find schema for class ${className}! ${what} names a _class that ${dataModel.label} does not define; with schema validation on the SDK throws this. Use one of the data model's entity classes.`,
          data: { className },
        });
        continue;
      }
      const errors = validator?.validate(className, value);
      if (!errors?.length) continue;
      for (const error of errors.slice(0, PER_ENTITY)) {
        const at = error.keyword === 'required' ? classRange : rangeOf(parsed.file, nodeAtPointer(node, error.instancePath));
        findings.push({
          code: ENTITY_SCHEMA_CODE,
          severity: 'warning',
          range: at,
          message: `Entity fails to validate as class '${className}': ${describe(error)}. ${what} was collected without schema validation (the SDK throws this when it is on). ${fixOf(error)}`,
          data: { className, keyword: error.keyword, instancePath: error.instancePath },
        });
      }
    }
  }
  return findings;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? `${error.instancePath.slice(1).replace(/\//g, '.')} ` : '';
  return `${where}${error.message ?? error.keyword}`;
}

function fixOf(error: ErrorObject): string {
  if (error.keyword === 'required') return `Set "${(error.params as { missingProperty?: string }).missingProperty}" on the entity.`;
  return 'Fix the property value where the entity is created.';
}
