/**
 * The id closest to `id` by edit distance, when it is close enough to be a typo (at most 2 edits, and less than a
 * third of the id); undefined otherwise. Candidates whose length differs too much are skipped without computing.
 */
export function closestId(id: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(2, Math.floor(id.length / 3));
  if (limit === 0) return undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === id || Math.abs(candidate.length - id.length) >= bestDistance) continue;
    const d = distance(id, candidate, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `max`) once every cell of a row reaches `max`. */
function distance(a: string, b: string, max: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= max) return max;
    previous = row;
  }
  return previous[b.length];
}
