/** `0.54.0` -> [0, 54, 0]; undefined for anything that is not a plain release version. */
export function parseVersion(version: string): [number, number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** Negative, zero or positive as a < b, a = b, a > b; both must be release versions. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return Number.NaN;
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
