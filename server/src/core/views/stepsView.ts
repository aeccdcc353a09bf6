import { DepGraph } from 'dependency-graph';
import type { IntegrationModel, ListModel, Resolved, SourceRange, StepModel } from '../model/types';

export interface DeclaredEntity {
  type: string;
  classes: string[];
  resourceName?: string;
  partial?: boolean;
}

export interface DeclaredRelationship {
  type: string;
  class?: string;
  sourceType?: string;
  targetType?: string;
  /** Mapped relationships only: FORWARD or REVERSE. */
  direction?: string;
  partial?: boolean;
}

export interface StepView {
  id: string;
  name?: string;
  dependsOn: string[];
  dependencyGraphId?: string;
  entities: DeclaredEntity[];
  relationships: DeclaredRelationship[];
  mappedRelationships: DeclaredRelationship[];
  /** Every `_type` the step declares (entities, relationships, mapped relationships). */
  declaredTypes: string[];
  /** False when some metadata or dependsOn could not be determined: the lists above may miss entries. */
  complete: boolean;
  /** The step object, and its id where written. */
  range: SourceRange;
  idRange: SourceRange;
}

export interface StepsView {
  /** Steps with a known id, in the order the runtime runs them (dependency-graph's overallOrder). */
  steps: StepView[];
  /** Why the order is the declaration order instead: a cycle or a dependsOn naming no step. */
  orderProblem?: string;
  /** False when some steps could not be determined. */
  complete: boolean;
}

const known = <T>(r: Resolved<T> | undefined): T | undefined => (r?.kind === 'known' ? r.value : undefined);
const knownItems = <T, U>(list: ListModel<T>, map: (item: T) => U | undefined): U[] =>
  list.items.map(map).filter((x): x is U => x !== undefined);

function stepView(step: StepModel, id: string): StepView {
  const entities = knownItems(step.entities, (e): DeclaredEntity | undefined => {
    const type = known(e._type);
    if (type === undefined) return undefined;
    const cls = known(e._class);
    return { type, classes: cls === undefined ? [] : Array.isArray(cls) ? cls : [cls], resourceName: known(e.resourceName), partial: known(e.partial) };
  });
  const relationship = (r: StepModel['relationships']['items'][number], direction?: string): DeclaredRelationship | undefined => {
    const type = known(r._type);
    if (type === undefined) return undefined;
    return { type, class: known(r._class), sourceType: known(r.sourceType), targetType: known(r.targetType), direction, partial: known(r.partial) };
  };
  const relationships = knownItems(step.relationships, (r) => relationship(r));
  const mappedRelationships = knownItems(step.mappedRelationships, (r) => relationship(r, known(r.direction)));
  const lists = [step.entities, step.relationships, step.mappedRelationships, step.dependsOn];
  return {
    id,
    name: known(step.name),
    dependsOn: knownItems(step.dependsOn, (d) => known(d)),
    dependencyGraphId: known(step.dependencyGraphId),
    entities,
    relationships,
    mappedRelationships,
    declaredTypes: [...new Set([...entities, ...relationships, ...mappedRelationships].map((t) => t.type))],
    complete:
      lists.every((l) => l.complete) &&
      step.entities.items.every((e) => e._type.kind === 'known') &&
      [...step.relationships.items, ...step.mappedRelationships.items].every((r) => r._type.kind === 'known') &&
      step.dependsOn.items.every((d) => d.kind === 'known'),
    range: step.range,
    idRange: step.id.kind === 'known' ? (step.id.origin ?? step.id.range) : step.range,
  };
}

/**
 * The steps of the static model as the Steps view and the step graph show them: known values only, in the
 * runtime's order (all nodes, then all dependsOn edges, then overallOrder(), as buildStepDependencyGraph does).
 * The first step with an id wins, like dependency-graph's addNode.
 */
export function stepsView(model: IntegrationModel): StepsView {
  const byId = new Map<string, StepView>();
  for (const step of model.steps.items) {
    const id = known(step.id);
    if (id !== undefined && !byId.has(id)) byId.set(id, stepView(step, id));
  }
  const declared = [...byId.values()];
  const graph = new DepGraph<StepView>();
  let orderProblem: string | undefined;
  let ordered = declared;
  try {
    for (const s of declared) graph.addNode(s.id, s);
    for (const s of declared) for (const d of s.dependsOn) graph.addDependency(s.id, d);
    ordered = graph.overallOrder().map((id) => byId.get(id)!);
  } catch (error) {
    orderProblem = error instanceof Error ? error.message : String(error);
  }
  return { steps: ordered, orderProblem, complete: model.steps.complete && model.steps.items.every((s) => s.id.kind === 'known') };
}
