import { createMasker } from '../text/mask';
import type { CollectedHost } from './host';
import type { GraphObjectRecord } from './types';

/**
 * The JSON text of one collected object, re-read from its file (the records keep no values), with every occurrence
 * of a secret replaced by `********`: masked config values must never reach a view.
 */
export function collectedObjectText(record: GraphObjectRecord, host: Pick<CollectedHost, 'readFile'>, secrets: readonly string[]): string | undefined {
  const text = host.readFile(record.range.file);
  if (text === undefined) return undefined;
  const slice = text.slice(record.range.start, record.range.end);
  let pretty: string;
  try {
    pretty = JSON.stringify(JSON.parse(slice), null, 2);
  } catch {
    return undefined; // the file changed since it was read
  }
  return redact(pretty, secrets);
}

/** Replaces each secret in a text, as a task's output is masked (text/mask.ts). */
export function redact(text: string, secrets: readonly string[]): string {
  return createMasker(secrets)(text);
}
