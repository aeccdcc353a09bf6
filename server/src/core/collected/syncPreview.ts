import type { CollectedGraph } from './collection';
import type { GraphObjectRecord } from './types';

export interface ChangeCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** Objects of a partial type that are in the snapshot and not collected now: a sync keeps them. */
  keptPartial: number;
}

export interface TypePreview {
  type: string;
  /** The type is in the current summary's partialDatasets: nothing of it is deleted. */
  partial: boolean;
  entities: ChangeCounts;
  relationships: ChangeCounts;
}

export interface SyncPreview {
  types: TypePreview[];
  totals: { entities: ChangeCounts; relationships: ChangeCounts };
  /** Objects without a string `_key` or `_type`, left out of the counts. */
  skipped: number;
  /** True when a graph file of either side could not be read: the counts miss its objects. */
  incomplete: boolean;
}

const zero = (): ChangeCounts => ({ created: 0, updated: 0, deleted: 0, unchanged: 0, keptPartial: 0 });

/**
 * What a sync of `current` would change, compared with `snapshot` (what the last successful sync uploaded), per
 * `_type`: objects with a new `_key` are created, those with the same `_key` and different content updated, and
 * those only in the snapshot deleted, except for types in the current summary's `metadata.partialDatasets.types`,
 * which the SDK's finalize tells the persister not to delete.
 */
export function previewSync(current: CollectedGraph, snapshot: CollectedGraph): SyncPreview {
  const partial = new Set(current.summary?.partialTypes ?? []);
  const byType = new Map<string, TypePreview>();
  let skipped = 0;
  const row = (type: string): TypePreview => {
    let r = byType.get(type);
    if (!r) byType.set(type, (r = { type, partial: partial.has(type), entities: zero(), relationships: zero() }));
    return r;
  };
  const compare = (now: GraphObjectRecord[], before: GraphObjectRecord[], side: 'entities' | 'relationships') => {
    const previous = new Map<string, GraphObjectRecord>();
    for (const o of before) {
      if (o.key === undefined || o.type === undefined) skipped++;
      else previous.set(o.key, o);
    }
    const seen = new Set<string>();
    for (const o of now) {
      if (o.key === undefined || o.type === undefined) {
        skipped++;
        continue;
      }
      seen.add(o.key);
      const old = previous.get(o.key);
      const counts = row(o.type)[side];
      if (!old) counts.created++;
      else if (old.digest !== o.digest || old.type !== o.type) counts.updated++;
      else counts.unchanged++;
    }
    for (const [key, o] of previous) {
      if (seen.has(key)) continue;
      const counts = row(o.type!)[side];
      if (partial.has(o.type!)) counts.keptPartial++;
      else counts.deleted++;
    }
  };
  compare(current.entities, snapshot.entities, 'entities');
  compare(current.relationships, snapshot.relationships, 'relationships');
  const types = [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  const totals = { entities: zero(), relationships: zero() };
  for (const t of types) {
    for (const side of ['entities', 'relationships'] as const) {
      for (const k of Object.keys(totals[side]) as (keyof ChangeCounts)[]) totals[side][k] += t[side][k];
    }
  }
  return { types, totals, skipped, incomplete: current.unreadableFiles > 0 || snapshot.unreadableFiles > 0 };
}
