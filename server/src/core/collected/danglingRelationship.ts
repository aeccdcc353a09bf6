import type { Finding } from '../rules/types';
import type { RelationshipRecord } from './types';

export const DANGLING_CODE = 'collected-missing-endpoint';

/**
 * Relationships whose `_fromEntityKey` / `_toEntityKey` name no collected entity. A mapped relationship has no
 * `_toEntityKey` (the persister finds its target); its `_mapping.sourceEntityKey` must name a collected entity.
 * `entityKeys` must hold every collected entity: callers skip this check when some entity file could not be read.
 */
export function checkRelationshipEndpoints(relationships: Iterable<RelationshipRecord>, entityKeys: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const report = (r: RelationshipRecord, property: string, key: string, range: RelationshipRecord['range'] | undefined) =>
    findings.push({
      code: DANGLING_CODE,
      severity: 'warning',
      range: range ?? r.range,
      message: `${property} "${key}" of relationship ${r.key !== undefined ? `"${r.key}"` : '(no _key)'} names no collected entity: a sync uploads a relationship to an entity that is not in this collection. Create the relationship from the entities the steps added (jobState.findEntity / iterateEntities), or collect that entity first.`,
      data: { property, key, relationshipKey: r.key },
    });
  for (const r of relationships) {
    if (r.mapped) {
      if (r.sourceEntityKey !== undefined && !entityKeys.has(r.sourceEntityKey)) report(r, '_mapping.sourceEntityKey', r.sourceEntityKey, r.sourceEntityKeyRange);
      continue;
    }
    if (r.fromKey !== undefined && !entityKeys.has(r.fromKey)) report(r, '_fromEntityKey', r.fromKey, r.fromKeyRange);
    if (r.toKey !== undefined && !entityKeys.has(r.toKey)) report(r, '_toEntityKey', r.toKey, r.toKeyRange);
  }
  return findings;
}
