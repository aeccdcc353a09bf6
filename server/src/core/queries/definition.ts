import type { IntegrationAnalysis } from '../model/buildModel';
import type { SourceRange, StepModel } from '../model/types';
import { guarded } from './guard';
import { occurrencesOf, queryIndex } from './queryIndex';
import { sameRange } from '../model/sameRange';
import type { QueryFacts, Subject } from './types';
import { whatIsAt } from './whatIsAt';

export interface DefinitionTarget {
  /** The whole declaration: the step object, or the metadata `_type` value. */
  range: SourceRange;
  /** What to select in it: the step's `id` value, or the `_type` value. */
  selectionRange: SourceRange;
  /** The step, for a step id (for a `_type`: the first step that declares it). */
  step?: StepModel;
}

export interface DefinitionResult {
  subject: Subject;
  /** The step id or `_type` the request was made on. */
  origin: SourceRange;
  targets: DefinitionTarget[];
}

const DECLARING_ROLES = new Set(['entity-type', 'relationship-type', 'mapped-relationship-type']);

/**
 * Go to definition: a step id (dependsOn entry, start-state key, the constant it comes from) goes to
 * the step's `id`; a `_type` goes to the `_type` of the step metadata that declares it. Undefined
 * when nothing is named at the cursor or nothing declares it.
 */
export function definition(analysis: IntegrationAnalysis, file: string, offset: number, facts?: QueryFacts): DefinitionResult | undefined {
  return guarded('definition', undefined, () => {
    const hit = whatIsAt(analysis, file, offset, facts);
    if (!hit) return undefined;
    const index = queryIndex(analysis);
    const targets: DefinitionTarget[] = [];
    if (hit.subject.kind === 'step') {
      for (const step of index.steps.byId.get(hit.subject.id) ?? []) {
        // A step built by a helper can have its object elsewhere than its id: the target must contain the selection.
        const range = step.range.file === step.id.range.file ? step.range : step.id.range;
        targets.push({ range, selectionRange: step.id.range, step });
      }
    } else if (hit.subject.kind === 'type') {
      for (const o of occurrencesOf(index, hit.subject)) {
        if (!DECLARING_ROLES.has(o.role) || o.atOrigin) continue;
        if (targets.some((t) => sameRange(t.selectionRange, o.use))) continue;
        targets.push({ range: o.use, selectionRange: o.use, step: o.step });
      }
    }
    return targets.length ? { subject: hit.subject, origin: hit.range, targets } : undefined;
  });
}
