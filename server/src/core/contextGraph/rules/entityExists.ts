import type { Node } from 'jsonc-parser';
import type { ImportIssue } from '../issue';
import type { BaseEntity, CiElement } from '../types';

export const ENTITY_EXISTS = 'context-graph-entity-exists';

/** `create` of an entity already in the context graph: the engine refuses it (`The ci of id X match an existing entity.`). */
export function entityExists(ci: CiElement & { id: string }, existing: BaseEntity, deletedBy: CiElement | undefined, idNode: Node): ImportIssue {
  const deleted = deletedBy ? ' Deleting it earlier in this import does not help: the engine checks the graph as it was before the import.' : '';
  return {
    code: ENTITY_EXISTS,
    severity: 'error',
    node: idNode,
    element: ci,
    message: `The ci of id ${ci.id} match an existing entity. "${ci.id}" is already in the context graph: use the action "update" (replace its fields) or "set" (create or update), or choose another _id.${deleted}`,
    related: deletedBy?.idNode ? [{ node: deletedBy.idNode, message: `"${ci.id}" is deleted here` }] : undefined,
    relatedRanges: existing.range ? [{ range: existing.range, message: `"${ci.id}" in the base context graph` }] : undefined,
    fixes: ci.actionNode ? [{ title: 'Use the action "set" (create or update)', edits: [{ offset: ci.actionNode.offset, length: ci.actionNode.length, newText: '"set"' }] }] : undefined,
    data: { id: ci.id },
  };
}
