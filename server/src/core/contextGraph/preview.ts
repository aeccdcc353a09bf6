import type { ImportAnalysis } from './analyze';
import type { EntityStatus, ImportStats } from './types';

/** The resulting context graph of an import, for the preview webview and `import-preview --format json`. */
export interface ContextGraphPreview {
  file: string;
  stats?: ImportStats;
  /** False when no base graph was given (existing entities were assumed). */
  baseGraph?: string;
  /** The first error, where Canopsis would stop (then it applies nothing). */
  abort?: { message: string; start: number; end: number };
  errors: number;
  warnings: number;
  nodes: Array<{ id: string; type?: string; name?: string; status: EntityStatus; enabled?: boolean }>;
  /** `from` impacts `to` (and `to` depends on `from`). */
  edges: Array<{ from: string; to: string }>;
  /** Entities left out to keep the preview readable (unchanged base entities far from the import). */
  omitted: number;
}

/**
 * Entities the import touches, plus unchanged entities linked to them, up to `limit` nodes (unchanged ones are the
 * first left out). The full list is in `ImportAnalysis.simulation.entities`.
 */
export function previewOf(analysis: ImportAnalysis, limit = 2000): ContextGraphPreview {
  const entities = analysis.simulation?.entities ?? [];
  const touched = entities.filter((e) => e.status !== 'unchanged');
  const chosen = new Map(touched.slice(0, limit).map((e) => [e._id, e]));
  const byId = new Map(entities.map((e) => [e._id, e]));
  for (const entity of touched) {
    if (chosen.size >= limit) break;
    for (const id of [...entity.impact, ...entity.depends]) {
      const other = byId.get(id);
      if (other && !chosen.has(id) && chosen.size < limit) chosen.set(id, other);
    }
  }
  if (chosen.size < limit) for (const e of entities) if (!chosen.has(e._id) && chosen.size < limit) chosen.set(e._id, e);
  const edges: ContextGraphPreview['edges'] = [];
  for (const entity of chosen.values()) {
    if (entity.status === 'deleted') continue;
    for (const to of entity.impact) if (chosen.has(to)) edges.push({ from: entity._id, to });
  }
  const errors = analysis.findings.filter((f) => f.severity === 'error').length;
  return {
    file: analysis.file,
    stats: analysis.simulation?.stats,
    baseGraph: analysis.base.graph?.file,
    abort: analysis.abort ? { message: analysis.abort.message, start: analysis.abort.range.start, end: analysis.abort.range.end } : undefined,
    errors,
    warnings: analysis.findings.filter((f) => f.severity === 'warning').length,
    nodes: [...chosen.values()].map((e) => ({ id: e._id, type: e.type, name: e.name, status: e.status, enabled: e.enabled })),
    edges,
    omitted: entities.length - chosen.size,
  };
}
