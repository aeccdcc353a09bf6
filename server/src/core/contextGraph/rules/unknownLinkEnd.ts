import type { Node } from 'jsonc-parser';
import type { ImportIssue } from '../issue';
import type { LinkElement } from '../types';

export const UNKNOWN_LINK_END = 'context-graph-unknown-link-end';

/** A link whose `from` or `to` names no entity of the import nor of the base graph (the engine fails with a KeyError). */
export function unknownLinkEnd(link: LinkElement, end: { id: string; node: Node }, role: 'from' | 'to', baseFile: string, suggestion: string | undefined): ImportIssue {
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
  return {
    code: UNKNOWN_LINK_END,
    severity: 'error',
    node: end.node,
    element: link,
    message: `The entity "${end.id}" (link ${role}) does not exist: it is not in the context graph (${baseFile}) and no ci of this import creates it, so Canopsis fails on this link (KeyError: '${end.id}').${hint} Create it in "cis" or correct the id.`,
    fixes: suggestion ? [{ title: `Change to "${suggestion}"`, preferred: true, edits: [{ offset: end.node.offset, length: end.node.length, newText: JSON.stringify(suggestion) }] }] : undefined,
    data: { id: end.id, role, suggestion },
  };
}
