import type { IntegrationModel, StepModel } from '../model/types';

/** Steps by known id (first definition first), and whether every step id is known. */
export interface StepIndex {
  byId: Map<string, StepModel[]>;
  /** True when the step list is complete and every id is known: only then is "no such step" certain. */
  allIdsKnown: boolean;
  ids: string[];
}

const indexes = new WeakMap<IntegrationModel, StepIndex>();

/** The index of a model's steps, built once per model for all the rules that need it. */
export function indexSteps(model: IntegrationModel): StepIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = buildIndex(model)));
  return index;
}

function buildIndex(model: IntegrationModel): StepIndex {
  const byId = new Map<string, StepModel[]>();
  let allIdsKnown = model.steps.complete;
  for (const step of model.steps.items) {
    if (step.id.kind !== 'known') {
      allIdsKnown = false;
      continue;
    }
    const list = byId.get(step.id.value) ?? [];
    list.push(step);
    byId.set(step.id.value, list);
  }
  return { byId, allIdsKnown, ids: [...byId.keys()] };
}
