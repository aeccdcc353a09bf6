import type { Node } from 'jsonc-parser';
import type { ImportIssue } from '../issue';

export const EMPTY_IMPORT = 'context-graph-empty-import';

/** No ci and no link: the Go engines fail the import with `empty import` (the Python one did nothing). */
export function emptyImport(root: Node): ImportIssue {
  return {
    code: EMPTY_IMPORT,
    severity: 'error',
    node: { offset: root.offset, length: 1 },
    message: 'empty import: there is no element in "cis" nor in "links", and Canopsis fails such an import. Add the entities to "cis" and their relations to "links".',
  };
}
