import { DepGraph } from 'dependency-graph';
import type { DocumentFlavor } from './flavor';
import type { DocEntity, DocMappedRelationship, DocRelationship, DocStep } from './types';

export interface DocumentMetadata {
  entities: DocEntity[];
  relationships: DocRelationship[];
  mappedRelationships: DocMappedRelationship[];
}

/**
 * The rows `j1-integration document` would write, in its order: steps walked in the runtime's
 * dependency order, repeated metadata collapsed and rows sorted as the given flavor does.
 * A dangling `dependsOn` or a cycle makes the real CLI fail before writing; we return its message.
 */
export function collectDocumentMetadata(
  steps: DocStep[],
  flavor: DocumentFlavor,
): DocumentMetadata | { error: string } {
  const order = stepOrder(steps);
  if ('error' in order) return order;

  // The CLI looks steps up by id in a Map, so with duplicate ids the last definition wins.
  const stepsById = new Map<string, DocStep>();
  for (const step of steps) stepsById.set(step.id, step);

  const entities = new Collector<DocEntity>(flavor.dedupe === 'none' ? undefined : (e) => e._type);
  const relationships = new Collector<DocRelationship>(relationshipKey(flavor));
  const mappedRelationships = new Collector<DocMappedRelationship>(mappedRelationshipKey(flavor));

  for (const id of order.ids) {
    const step = stepsById.get(id)!;
    for (const e of step.entities) entities.add(e);
    for (const r of step.relationships) relationships.add(r);
    if (flavor.mappedRelationships) for (const r of step.mappedRelationships) mappedRelationships.add(r);
  }

  // Array.prototype.sort is stable, as in the CLI, so ties keep dependency order.
  const relationshipCompare = flavor.relationshipOrder === 'by-type' ? compareByType : compareByEndpoints;
  return {
    entities: entities.items.sort(compareByResourceName),
    relationships: relationships.items.sort(relationshipCompare),
    mappedRelationships: mappedRelationships.items.sort(relationshipCompare),
  };
}

/** The order of `buildStepDependencyGraph(steps).overallOrder()` in the SDK runtime. */
function stepOrder(steps: DocStep[]): { ids: string[] } | { error: string } {
  // The same library and version (dependency-graph 0.9) and the same insertion order as the
  // runtime, because overallOrder() depends on both: all nodes first, then all edges.
  const graph = new DepGraph<DocStep>();
  try {
    for (const step of steps) graph.addNode(step.id, step);
    for (const step of steps) for (const dependency of step.dependsOn) graph.addDependency(step.id, dependency);
    return { ids: graph.overallOrder() };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** Keeps items in arrival order, skipping those whose key was already seen (no key: keep all). */
class Collector<T> {
  readonly items: T[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly key: ((item: T) => string) | undefined) {}
  add(item: T): void {
    if (this.key) {
      const key = this.key(item);
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    this.items.push(item);
  }
}

function relationshipKey(flavor: DocumentFlavor): ((r: DocRelationship) => string) | undefined {
  switch (flavor.dedupe) {
    case 'none':
      return undefined;
    case 'by-type':
      return (r) => r._type;
    case 'by-identity':
      return (r) => `${r._class}:${r._type}:${r.sourceType}:${r.targetType}`;
  }
}

function mappedRelationshipKey(flavor: DocumentFlavor): ((r: DocMappedRelationship) => string) | undefined {
  if (flavor.dedupe !== 'by-identity') return relationshipKey(flavor);
  return (r) => `${r._class}:${r._type}:${r.sourceType}:${r.targetType}:${r.direction}`;
}

// The comparators use `<`/`>` on strings (UTF-16 code units), exactly as the CLI does, rather
// than localeCompare, which would order case and accents differently.

function compareByResourceName(a: DocEntity, b: DocEntity): number {
  return compareStrings(a.resourceName, b.resourceName);
}

function compareByType(a: DocRelationship, b: DocRelationship): number {
  return compareStrings(a._type, b._type);
}

function compareByEndpoints(a: DocRelationship, b: DocRelationship): number {
  return (
    compareStrings(a.sourceType, b.sourceType) ||
    compareStrings(a.targetType, b.targetType) ||
    compareStrings(a._class, b._class) ||
    compareDirections(a, b)
  );
}

function compareDirections(a: DocRelationship, b: DocRelationship): number {
  // Only mapped relationships carry a direction; the CLI checks both sides with `in`.
  if (!('direction' in a) || !('direction' in b)) return 0;
  return compareStrings((a as DocMappedRelationship).direction, (b as DocMappedRelationship).direction);
}

function compareStrings(a: string, b: string): number {
  if (a > b) return 1;
  if (a < b) return -1;
  return 0;
}
