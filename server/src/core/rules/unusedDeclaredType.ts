import { declaredTypes, stepLabel } from './declaredTypes';
import { hookMayChangeTypes } from './hookTypes';
import { integrationEffects } from './integrationEffects';
import { removeListElement } from './listEdits';
import { mayProduce } from './typeMatch';
import type { Finding, RelatedLocation, Rule } from './types';

/**
 * A declared `_type` that no code the step's executionHandler reaches can add. Said only when the
 * analysis followed every call that could add graph objects (the effects are complete) and no
 * created object has a type that could be this one.
 */
export const unusedDeclaredType: Rule = {
  codes: ['unused-declared-type'],
  run(context) {
    const all = integrationEffects(context);
    const findings: Finding[] = [];
    // A hook that rewrites `_type` makes the handler's types say nothing about the recorded ones.
    if (hookMayChangeTypes(context, 'beforeAddEntity') || hookMayChangeTypes(context, 'beforeAddRelationship')) return findings;
    for (const step of context.model.steps.items) {
      const handler = step.executionHandler;
      if (handler?.kind !== 'function') continue;
      const effects = all.of(step);
      if (!effects.complete) continue;
      const creations = [...effects.entities, ...effects.relationships];
      // Targets of mapped relationships are documented in entities by some integrations: the mapper creates them.
      const mappedTargets = new Set<string>();
      for (const r of effects.relationships) if (r.mapped && r.targetType?.kind === 'known') mappedTargets.add(r.targetType.value);
      for (const declared of declaredTypes(step).all) {
        if (creations.some((c) => mayProduce(c, declared.type))) continue;
        if (declared.list === 'entities' && mappedTargets.has(declared.type)) continue;
        const related: RelatedLocation[] = [{ range: handler.range, message: `the executionHandler${handler.name ? ` '${handler.name}'` : ''}` }];
        const finding: Finding = {
          code: 'unused-declared-type',
          severity: 'information',
          range: declared.item.range,
          message:
            `${stepLabel(step)} declares _type "${declared.type}" in its ${declared.list}, but no code its executionHandler reaches adds it. ` +
            `If the step no longer produces this type, remove the declaration; if another step adds it, declare it there.`,
          related,
          data: { type: declared.type, list: declared.list },
        };
        const list = step[declared.list].range;
        const edit = list ? removeListElement(list, declared.item.range, context.text) : undefined;
        if (edit) finding.fixes = [{ title: `Remove "${declared.type}" from the step's ${declared.list}`, edits: [edit] }];
        findings.push(finding);
      }
    }
    return findings;
  },
};
