import { createHash } from 'node:crypto';

/** A digest of a JSON value that ignores the order of object keys: two writes of the same object compare equal. */
export function jsonDigest(value: unknown): string {
  return createHash('sha1').update(canonical(value)).digest('base64');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
