import type { Known, SourceRange } from '../model/types';
import { classNames, requote } from './classNames';
import { dataModelOf } from './projectDataModel';
import { closest } from './suggest';
import type { Finding, Rule } from './types';

/**
 * An entity `_class` the project's data model has no schema for. createIntegrationEntity looks every
 * class up: with `source` data it throws `Class 'X' does not yet have a schema supported by the SDK!`
 * (always), and with schema validation on (the default of j1-integration collect and run) it throws
 * `Could not find schema for class X!`. Step metadata declares the classes those calls use.
 */
export const unknownEntityClass: Rule = {
  codes: ['unknown-entity-class'],
  run(context) {
    const { model, text } = context;
    const dataModel = dataModelOf(context);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const check = (value: Known<string | string[]>, where: 'metadata' | 'createIntegrationEntity', related?: SourceRange) => {
      // Where each name is written is looked up only for a value that has an unknown class.
      if (typeof value.value === 'string' ? dataModel.isEntityClass(value.value) !== false : value.value.every((name) => dataModel.isEntityClass(name) !== false)) return;
      for (const entry of classNames(value, text)) {
        if (dataModel.isEntityClass(entry.name) !== false) continue;
        const key = `${entry.range.file}:${entry.range.start}:${entry.range.end}:${entry.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const suggestion = closest(entry.name, dataModel.entityClasses());
        const finding: Finding = {
          code: 'unknown-entity-class',
          severity: 'error',
          range: entry.range,
          message:
            `"${entry.name}" is not an entity class of ${dataModel.label}` +
            (where === 'metadata' ? ', so entities declared with it cannot be created: ' : ': ') +
            `createIntegrationEntity throws "Class '${entry.name}' does not yet have a schema supported by the SDK!" when given source data, and "Could not find schema for class ${entry.name}!" with schema validation on (the default of j1-integration collect).` +
            (suggestion ? ` Did you mean "${suggestion}"?` : ' Use a class the data model defines.'),
          data: { class: entry.name, suggestion, dataModel: dataModel.version },
        };
        if (related) finding.related = [{ range: related, message: 'the createIntegrationEntity call' }];
        if (suggestion && entry.literal) {
          const literal = text(entry.range.file)?.slice(entry.range.start, entry.range.end);
          if (literal) finding.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range: entry.range, newText: requote(literal, suggestion) }], preferred: true }];
        }
        findings.push(finding);
      }
    };
    for (const step of model.steps.items) {
      for (const entity of step.entities.items) if (entity._class.kind === 'known') check(entity._class, 'metadata');
      for (const created of context.effects(step).entities) {
        if (created.kind === 'createIntegrationEntity' && created._class?.kind === 'known') check(created._class, 'createIntegrationEntity', created.range);
      }
    }
    return findings;
  },
};
