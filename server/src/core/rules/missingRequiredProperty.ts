import type { EntityCreation } from '../effects/types';
import { dataModelOf } from './projectDataModel';
import type { Finding, Rule } from './types';

/**
 * What createIntegrationEntity sets itself when there is no `source`: `_class` (from assign) and
 * `_rawData` always, and `displayName` from `name` when assign has no displayName. With a `source`
 * it also copies any property of the class schemas from it (and createdOn, active, tags): unknown
 * statically, so entities built from a source are not judged at all.
 */
const ALWAYS_SET = ['_class', '_rawData'];

/**
 * Properties the class schemas require that a createIntegrationEntity call without `source` does
 * not assign. With schema validation on (j1-integration collect and run validate by default) the
 * SDK validates the entity against each class schema and throws `Entity fails to validate as class`.
 * Judged only when the assign keys are all known and every class and required set is known in the
 * project's data-model version (required sets changed across versions).
 */
export const missingRequiredProperty: Rule = {
  codes: ['missing-required-property'],
  run(context) {
    const dataModel = dataModelOf(context);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const step of context.model.steps.items) {
      for (const entity of context.effects(step).entities) {
        const missing = missingProperties(entity, dataModel);
        if (!missing || !missing.length || !entity.assign) continue;
        const key = `${entity.assign.range.file}:${entity.assign.range.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const classes = entity._class?.kind === 'known' ? [entity._class.value].flat() : [];
        const quoted = missing.map((p) => `"${p}"`).join(', ');
        findings.push({
          code: 'missing-required-property',
          severity: 'error',
          range: entity.assign.range,
          message:
            `This entity of class ${classes.join(', ')} has no ${quoted}, which ${dataModel.label} requires: with schema validation on (the default of j1-integration collect and run) ` +
            `createIntegrationEntity throws "Entity fails to validate as class '${classes.join(',')}'". Add ${missing.length === 1 ? 'it' : 'them'} to \`assign\`` +
            `${missing.includes('name') ? ' (displayName defaults to name)' : ''}, or pass the provider data as \`source\` so the SDK copies the class's properties from it.`,
          related: [{ range: entity.range, message: 'the createIntegrationEntity call' }],
          data: { missing, classes, dataModel: dataModel.version },
        });
      }
    }
    return findings;
  },
};

/** The required properties the call leaves out, or undefined when that is not certain. */
function missingProperties(entity: EntityCreation, dataModel: ReturnType<typeof dataModelOf>): string[] | undefined {
  if (entity.kind !== 'createIntegrationEntity' || entity.hasSource !== false) return undefined;
  if (!entity.assign?.complete || entity._class?.kind !== 'known') return undefined;
  // A `_type` that names a schema is validated against that schema instead of the classes.
  if (entity._type.kind !== 'known' || dataModel.isEntityClass(entity._type.value) !== false) return undefined;
  const required = new Set<string>();
  for (const name of [entity._class.value].flat()) {
    if (dataModel.isEntityClass(name) !== true) return undefined;
    const list = dataModel.requiredProperties(name);
    if (!list) return undefined;
    for (const property of list) required.add(property);
  }
  const present = new Set([...entity.assign.keys, ...ALWAYS_SET]);
  if (present.has('name')) present.add('displayName');
  return [...required].filter((p) => !present.has(p));
}
