import type { ImportIssue } from './issue';
import { closestId } from './suggest';
import { deletedEntityUpdated } from './rules/deletedEntityUpdated';
import { duplicateCi } from './rules/duplicateCi';
import { entityExists } from './rules/entityExists';
import { unknownEntity } from './rules/unknownEntity';
import { unknownLink } from './rules/unknownLink';
import { unknownLinkEnd } from './rules/unknownLinkEnd';
import type { BaseGraph, CiElement, GraphEntity, ImportElement, ImportStats, LinkElement, ResultEntity } from './types';

/**
 * What Canopsis' context-graph import would do, step by step as its engine does (the impact/depends import of
 * canopsis' ContextGraphImport, with the Go engines' `set`): every ci in order, then every link, then the check
 * that no deleted entity is also updated. Entities are looked up in the graph as it was before the import (the
 * base); an element that the engine would fail on is reported and skipped, so that one pass finds every error.
 * Without a base graph nothing is known about existing entities: they are assumed to exist and nothing is
 * reported about them.
 */
export interface Simulation {
  /** What Canopsis reports in `stats` when the import is done (it reports `failed` instead when `issues` has an error). */
  stats: ImportStats;
  entities: ResultEntity[];
  issues: ImportIssue[];
  /** False when no base graph was given: existing entities were assumed. */
  closed: boolean;
}

interface Working extends GraphEntity {
  /** Not from the base nor created by the import: assumed to exist (no base graph). */
  assumed?: boolean;
}

export function simulateImport(cis: readonly CiElement[], links: readonly LinkElement[], base: BaseGraph | undefined): Simulation {
  const issues: ImportIssue[] = [];
  const closed = !!base;
  const updated = new Map<string, Working>();
  const deleted = new Map<string, CiElement>();
  const createdBy = new Map<string, CiElement>();
  const firstSeen = new Map<string, CiElement>();
  /** The first element that changes an entity after its delete (the final check points there). */
  const touchedAfterDelete = new Map<string, { element: ImportElement; node: NonNullable<CiElement['idNode']> }>();

  const fromBase = (id: string): Working | undefined => {
    const entity = base?.entities.get(id);
    if (entity) return { ...entity, infos: { ...entity.infos }, impact: new Set(entity.impact), depends: new Set(entity.depends) };
    if (!closed) return { _id: id, infos: {}, impact: new Set(), depends: new Set(), assumed: true };
    return undefined;
  };
  /** The entity as the engine holds it now; put in `updated` (what the engine writes back) when `write`. */
  const current = (id: string, write: boolean): Working | undefined => {
    let entity = updated.get(id);
    if (!entity) {
      entity = fromBase(id);
      if (entity && write) updated.set(id, entity);
    }
    return entity;
  };
  const touch = (id: string, element: ImportElement, node: NonNullable<CiElement['idNode']>) => {
    if (deleted.has(id) && !touchedAfterDelete.has(id)) touchedAfterDelete.set(id, { element, node });
  };
  /** Exists for the engine: in the graph before the import (deleted ones included) or assumed so. */
  const existedBefore = (id: string) => (closed ? base!.entities.has(id) : !createdBy.has(id));


  for (const ci of cis) {
    if (ci.invalid || ci.id === undefined || !ci.idNode) continue;
    const id = ci.id;
    const idNode = ci.idNode;
    const element = ci as CiElement & { id: string };
    let failed: ImportIssue | undefined;
    switch (ci.action) {
      case 'create': {
        const existing = base?.entities.get(id);
        if (existing) failed = entityExists(element, existing, deleted.get(id), idNode);
        else {
          updated.set(id, { _id: id, type: ci.type, name: ci.name ?? id, enabled: ci.enabled, infos: { ...ci.infos }, impact: new Set(), depends: new Set() });
          createdBy.set(id, ci);
        }
        break;
      }
      case 'set': {
        const entity = current(id, true);
        if (entity) {
          if (ci.type) entity.type = ci.type;
          if (ci.name) entity.name = ci.name;
          if (ci.enabled !== undefined) entity.enabled = ci.enabled;
          entity.infos = { ...entity.infos, ...ci.infos };
          touch(id, ci, idNode);
        } else {
          updated.set(id, { _id: id, type: ci.type, name: ci.name ?? id, enabled: ci.enabled, infos: { ...ci.infos }, impact: new Set(), depends: new Set() });
          createdBy.set(id, ci);
        }
        break;
      }
      case 'update':
      case 'enable':
      case 'disable':
      case 'delete': {
        if (!existedBefore(id)) {
          failed = unknownEntity(element, idNode, createdBy.get(id), base?.label);
          break;
        }
        if (ci.action === 'delete') {
          applyDelete(id, ci);
          break;
        }
        const entity = current(id, true)!;
        if (ci.action === 'update') {
          if (ci.type) entity.type = ci.type;
          if (ci.name) entity.name = ci.name;
          if (ci.enabled !== undefined) entity.enabled = ci.enabled;
          // update replaces infos (set merges them).
          entity.infos = { ...ci.infos };
        } else entity.enabled = ci.action === 'enable';
        touch(id, ci, idNode);
        break;
      }
    }
    if (failed) issues.push(failed);
    const earlier = firstSeen.get(id);
    // After a delete the engine itself fails on the entity (entity-exists or deleted-entity-updated say why).
    if (earlier && !failed && earlier.action !== 'delete') issues.push(duplicateCi(element, idNode, earlier));
    if (!earlier) firstSeen.set(id, ci);
  }

  function applyDelete(id: string, ci: CiElement): void {
    const entity = current(id, false)!;
    for (const other of entity.depends) {
      if (deleted.has(other)) continue;
      current(other, true)?.impact.delete(id);
    }
    for (const other of entity.impact) {
      if (deleted.has(other)) continue;
      current(other, true)?.depends.delete(id);
    }
    updated.delete(id);
    deleted.set(id, ci);
  }

  // Ids the import creates first: a typo more likely names one of them.
  const everyId = closed ? () => [...createdBy.keys(), ...base!.entities.keys()] : () => [...createdBy.keys()];
  let candidates: string[] | undefined;
  for (const link of links) {
    if (link.invalid || !link.to) continue;
    const ends = [{ ...link.to, role: 'to' as const }, ...link.from.map((f) => ({ ...f, role: 'from' as const }))];
    let failed = false;
    for (const end of ends) {
      if (current(end.id, false)) continue;
      candidates ??= everyId();
      issues.push(unknownLinkEnd(link, end, end.role, base?.label ?? '', closestId(end.id, candidates)));
      failed = true;
      break;
    }
    if (failed) continue;
    const to = current(link.to.id, true)!;
    touch(link.to.id, link, link.to.node);
    for (const from of link.from) {
      const source = current(from.id, true)!;
      touch(from.id, link, from.node);
      if (link.action === 'create') {
        source.impact.add(link.to.id);
        to.depends.add(from.id);
      } else if (link.action === 'delete') {
        if (!source.impact.has(link.to.id) && !(source.assumed || to.assumed)) {
          issues.push(unknownLink(link, from, link.to.id));
          break;
        }
        source.impact.delete(link.to.id);
        to.depends.delete(from.id);
      }
    }
  }

  for (const [id, { element, node }] of touchedAfterDelete) {
    if (updated.has(id)) issues.push(deletedEntityUpdated(id, deleted.get(id)!, element, node));
  }

  return { stats: { updated: updated.size, deleted: deleted.size }, entities: resultEntities(base, updated, deleted, createdBy), issues, closed };
}

function resultEntities(base: BaseGraph | undefined, updated: Map<string, Working>, deleted: Map<string, CiElement>, createdBy: Map<string, CiElement>): ResultEntity[] {
  const out: ResultEntity[] = [];
  const seen = new Set<string>();
  const push = (entity: Working, status: ResultEntity['status']) => {
    seen.add(entity._id);
    out.push({ _id: entity._id, type: entity.type, name: entity.name, enabled: entity.enabled, status, impact: [...entity.impact], depends: [...entity.depends] });
  };
  for (const entity of updated.values()) {
    const status = createdBy.has(entity._id) && !base?.entities.has(entity._id) ? 'created' : entity.assumed ? 'assumed' : 'updated';
    push(entity, status);
  }
  for (const [id] of deleted) {
    const entity = base?.entities.get(id);
    push(entity ? { ...entity } : { _id: id, infos: {}, impact: new Set(), depends: new Set() }, 'deleted');
  }
  if (base) for (const entity of base.entities.values()) if (!seen.has(entity._id)) push(entity, 'unchanged');
  return out;
}
