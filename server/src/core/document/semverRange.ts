import { compareVersions } from './flavor';

type Triple = [number, number, number];

/**
 * The lowest version a package.json range admits: `^11.2.0` → 11.2.0, `>=8.30 <9` → 8.30.0,
 * `~8.x || ^9.1.0` → 8.0.0, `>8.31.0` → 8.31.1. Prerelease tags are ignored. Ranges with no lower
 * bound (`*`, `<9`, `latest`, `file:…`, git URLs) give undefined: they say nothing useful.
 */
export function lowestVersionInRange(range: string): string | undefined {
  let text = range.trim();
  // `npm:name@range` aliases and `workspace:range` carry an ordinary range after the prefix.
  if (text.startsWith('npm:')) text = text.slice(text.lastIndexOf('@') + 1);
  if (text.startsWith('workspace:')) text = text.slice('workspace:'.length);
  let lowest: Triple | undefined;
  for (const alternative of text.split('||')) {
    const low = lowestInAlternative(alternative.trim());
    if (!low) return undefined; // One unbounded alternative makes the whole range unbounded.
    if (!lowest || compareVersions(low, lowest) < 0) lowest = low;
  }
  return lowest?.join('.');
}

/** One `||` alternative: a hyphen range or a space-separated set of comparators (intersection). */
function lowestInAlternative(alternative: string): Triple | undefined {
  const hyphen = /^(\S+)\s+-\s+\S+$/.exec(alternative);
  if (hyphen) return partial(hyphen[1])?.low;
  // `>= 1.2.3` may be written with a space after the operator.
  const comparators = alternative.replace(/([<>=~^]+)\s+/g, '$1').split(/\s+/).filter(Boolean);
  let lowest: Triple | undefined;
  for (const comparator of comparators) {
    const match = /^(<=|>=|<|>|=|\^|~)?(.*)$/.exec(comparator)!;
    const operator = match[1] ?? '';
    if (operator === '<' || operator === '<=') continue; // An upper bound only.
    const version = partial(match[2]);
    if (!version || version.wildcard === 0) return undefined; // `*`, `x`, tags, URLs.
    const low = operator === '>' ? version.above : version.low;
    if (!lowest || compareVersions(low, lowest) > 0) lowest = low;
  }
  return lowest;
}

interface PartialVersion {
  /** The version with missing or `x` parts as 0. */
  low: Triple;
  /** The first version strictly greater than every version the partial covers. */
  above: Triple;
  /** How many leading parts are given (3 = full version, 0 = wildcard). */
  wildcard: number;
}

function partial(text: string): PartialVersion | undefined {
  const match = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+].*)?$/.exec(text);
  if (!match) return undefined;
  const parts: number[] = [];
  for (const part of match.slice(1, 4)) {
    if (part === undefined || !/^\d+$/.test(part)) break;
    parts.push(Number(part));
  }
  const low: Triple = [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
  const above: Triple =
    parts.length === 3
      ? [low[0], low[1], low[2] + 1]
      : parts.length === 2
        ? [low[0], low[1] + 1, 0]
        : [low[0] + 1, 0, 0];
  return { low, above, wildcard: parts.length };
}
