import type { Node } from 'jsonc-parser';
import type { ImportIssue } from '../issue';
import type { LinkElement } from '../types';

export const UNKNOWN_LINK = 'context-graph-unknown-link';

/** `delete` of a link that does not exist: the engine removes `to` from the impact of `from` and fails when it is absent. */
export function unknownLink(link: LinkElement, from: { id: string; node: Node }, to: string): ImportIssue {
  return {
    code: UNKNOWN_LINK,
    severity: 'error',
    node: from.node,
    element: link,
    message: `There is no link from "${from.id}" to "${to}" to delete: "${from.id}" does not impact "${to}" at this point of the import, and the engine fails removing it (KeyError: '${to}'). Remove "${from.id}" from "from", or delete the link only once.`,
    data: { from: from.id, to },
  };
}
