import type { Node } from 'jsonc-parser';
import type { ImportIssue } from '../issue';
import type { CiElement, ImportElement } from '../types';

export const DELETED_ENTITY_UPDATED = 'context-graph-deleted-entity-updated';

/**
 * An entity deleted by the import and changed after its delete (updated, enabled, linked): once every element is
 * processed the engine finds it both to delete and to update, and aborts.
 */
export function deletedEntityUpdated(id: string, deletedBy: CiElement, updatedBy: ImportElement, at: Node): ImportIssue {
  const what = updatedBy.kind === 'link' ? 'linked' : `changed (action "${updatedBy.kind === 'ci' ? updatedBy.action : ''}")`;
  return {
    code: DELETED_ENTITY_UPDATED,
    severity: 'error',
    node: at,
    element: updatedBy,
    phase: 'final',
    message: `The entity ${id} to be deleted is updated in the same import. Update aborted. "${id}" is deleted earlier in this import, then ${what} here: remove this change, or do not delete "${id}".`,
    related: deletedBy.idNode ? [{ node: deletedBy.idNode, message: `"${id}" is deleted here` }] : undefined,
    data: { id },
  };
}
