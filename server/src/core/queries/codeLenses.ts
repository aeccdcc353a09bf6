import type { IntegrationAnalysis } from '../model/buildModel';
import type { SourceRange } from '../model/types';
import { guarded } from './guard';
import { known } from './present';
import { queryIndex, type QueryIndex } from './queryIndex';

/** What the "Run step" and "Run step with its dependencies" lenses above a step need. */
export interface StepLens {
  /** The step object: the lens goes on the line where it starts. */
  range: SourceRange;
  stepId: string;
  name?: string;
  /**
   * The step and every step it depends on, transitively, dependencies first (an order the runtime
   * can run them in); the step itself is last.
   */
  withDependencies: string[];
  /** dependsOn entries, anywhere in the closure, that name no step. */
  missing: string[];
  /** False when some dependsOn is known only at run time or names no step: the closure may lack steps. */
  complete: boolean;
}

/** A lens for each step written in `file` whose id is known, in source order. */
export function codeLenses(analysis: IntegrationAnalysis, file: string): StepLens[] {
  return guarded('codeLenses', [], () => {
    const index = queryIndex(analysis);
    const lenses: StepLens[] = [];
    for (const step of analysis.model.steps.items) {
      if (step.range.file !== file || step.id.kind !== 'known') continue;
      const closure = dependencyClosure(index, step.id.value);
      lenses.push({ range: step.range, stepId: step.id.value, name: known(step.name), ...closure });
    }
    return lenses.sort((a, b) => a.range.start - b.range.start);
  });
}

/** Depth-first over dependsOn in written order, each step after its dependencies; a cycle is cut where it closes. */
export function dependencyClosure(index: QueryIndex, id: string): Pick<StepLens, 'withDependencies' | 'missing' | 'complete'> {
  const order: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  let complete = true;
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    const step = index.steps.byId.get(current)?.[0];
    if (!step) {
      missing.push(current);
      complete = false;
      return;
    }
    if (!step.dependsOn.complete) complete = false;
    for (const dep of step.dependsOn.items) {
      if (dep.kind === 'known') visit(dep.value);
      else complete = false;
    }
    order.push(current);
  };
  visit(id);
  return { withDependencies: order, missing, complete };
}
