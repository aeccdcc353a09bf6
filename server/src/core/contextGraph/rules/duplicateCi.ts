import type { Node } from 'jsonc-parser';
import type { ImportIssue } from '../issue';
import type { CiElement } from '../types';

export const DUPLICATE_CI = 'context-graph-duplicate-ci';

/**
 * The same `_id` twice in `cis` where the engine does not fail: a second create replaces the first entity entirely
 * (its name, infos, links made by the first are lost), other repeats apply in order. Almost always a merge mistake.
 */
export function duplicateCi(ci: CiElement & { id: string }, idNode: Node, earlier: CiElement): ImportIssue {
  const replaces = ci.action === 'create' && earlier.action === 'create';
  const consequence = replaces
    ? 'This create replaces the entity the earlier create makes, entirely (its name, infos and measurements are lost).'
    : `Both apply, in order (${earlier.action} then ${ci.action}).`;
  return {
    code: DUPLICATE_CI,
    severity: 'warning',
    node: idNode,
    message: `"${ci.id}" already appears in this import (cis[${earlier.index}], action "${earlier.action}"). ${consequence} Merge the two elements into one.`,
    related: earlier.idNode ? [{ node: earlier.idNode, message: `"${ci.id}" first appears here` }] : undefined,
    data: { id: ci.id, earlier: earlier.index },
  };
}
