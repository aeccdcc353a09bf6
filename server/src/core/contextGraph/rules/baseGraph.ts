import type { ImportIssue } from '../issue';

export const BASE_GRAPH = 'context-graph-base-graph';

/** The configured base graph cannot be used: say so once, since every existence check is skipped without it. */
export function baseGraphUnusable(problem: string): ImportIssue {
  return {
    code: BASE_GRAPH,
    severity: 'warning',
    node: { offset: 0, length: 1 },
    message: `The base context graph cannot be used: ${problem}. Entities of the existing graph are assumed to exist and are not checked. Fix integrationLens.contextGraph.baseGraph (CLI: --context-graph-base) or the file.`,
  };
}
