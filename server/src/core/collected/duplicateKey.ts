import type { Finding } from '../rules/types';
import type { GraphObjectRecord } from './types';

export const DUPLICATE_KEY_CODE = 'collected-duplicate-key';

/**
 * Graph objects sharing a `_key`. The SDK keeps one key space for entities and relationships
 * (jobState's duplicateKeyTracker) and throws `Duplicate _key detected (_key=...)` at the second one; reported on
 * every occurrence after the first, with the first as related location.
 */
export function checkDuplicateKeys(objects: Iterable<GraphObjectRecord>): Finding[] {
  const first = new Map<string, GraphObjectRecord>();
  const findings: Finding[] = [];
  for (const object of objects) {
    if (object.key === undefined) continue;
    const earlier = first.get(object.key);
    if (!earlier) {
      first.set(object.key, object);
      continue;
    }
    const where = earlier.stepId === object.stepId ? `by the same step "${object.stepId}"` : `by step "${earlier.stepId}" and again by "${object.stepId}"`;
    findings.push({
      code: DUPLICATE_KEY_CODE,
      severity: 'error',
      range: object.keyRange ?? object.range,
      message: `Duplicate _key detected (_key=${object.key}): this ${object.kind} was collected ${where}. Make _key unique per object (include the resource id), or check jobState.hasKey() before adding it.`,
      related: [{ range: earlier.keyRange ?? earlier.range, message: `first ${earlier.kind} with _key ${object.key}` }],
      data: { key: object.key },
    });
  }
  return findings;
}
