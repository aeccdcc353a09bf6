// Masks secret values in text a user sees: a task's output (client) and the views' collected data (server). Pure.

/** Shorter values are not masked: replacing every "1" or "ab" would garble the output and hide nothing. */
export const MIN_SECRET_LENGTH = 4;
export const MASK = '********';

/**
 * A function replacing each secret in a text with MASK: the value as written, and as it appears inside JSON strings
 * and URLs (where the runtime's logger or an error message may quote it). Longest first, so a secret that contains
 * another is masked whole.
 */
export function createMasker(secrets: readonly string[]): (text: string) => string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    variants.add(secret);
    variants.add(JSON.stringify(secret).slice(1, -1));
    variants.add(encodeURIComponent(secret));
  }
  const ordered = [...variants].sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  const pattern = new RegExp(ordered.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, MASK);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
