import type { Node } from 'jsonc-parser';
import type { ImportIssue } from '../issue';
import type { CiElement } from '../types';

export const UNKNOWN_ENTITY = 'context-graph-unknown-entity';

/**
 * `update`, `enable`, `disable` or `delete` of an entity that is not in the context graph. The engine looks entities
 * up in the graph as it was before the import, so an entity created earlier in the same import does not count.
 */
export function unknownEntity(ci: CiElement & { id: string }, idNode: Node, createdBy: CiElement | undefined, baseFile: string | undefined): ImportIssue {
  // The engine's own words: the Python import worker says "No entity found for the following id" for a delete.
  const engine = ci.action === 'delete' ? `No entity found for the following id : ${ci.id}` : `The ci of id ${ci.id} does not match any existing entity.`;
  const why = createdBy
    ? `"${ci.id}" is only created earlier in this import, and "${ci.action}" applies to entities already in the context graph: merge the two elements into one (e.g. one "create" or "set"), or run the ${ci.action} in a later import.`
    : `"${ci.id}" is not in the context graph${baseFile ? ` (${baseFile})` : ''}: check the _id, or create the entity (action "create" or "set").`;
  return {
    code: UNKNOWN_ENTITY,
    severity: 'error',
    node: idNode,
    element: ci,
    message: `${engine} ${why}`,
    related: createdBy?.idNode ? [{ node: createdBy.idNode, message: `"${ci.id}" is created here` }] : undefined,
    data: { id: ci.id, action: ci.action },
  };
}
