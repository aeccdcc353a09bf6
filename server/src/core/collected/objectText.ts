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

/** Replaces each secret (and its JSON-escaped form) in a text. Secrets shorter than 4 characters would mask noise. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) {
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) out = out.split(form).join('********');
  }
  return out;
}
