import { isRecord } from '../project/jsonFile';

/** One resolved package in a yarn.lock: the ranges that led to it and what it resolved to. */
export interface YarnLockEntry {
  name: string;
  /** Ranges as written in package.json files, with berry's `npm:` protocol removed. */
  ranges: string[];
  version: string | undefined;
  /** Its own dependencies: name → range (`npm:` removed). */
  dependencies: Map<string, string>;
}

/**
 * Reads both yarn.lock dialects with one line scanner, since only a few fields matter:
 * classic v1 (`"a@^1.0.0", a@^1.1.0:` / `  version "1.2.0"` / `    dep "^2.0.0"`) and berry
 * YAML (`"a@npm:^1.0.0, a@npm:^1.1.0":` / `  version: 1.2.0` / `    dep: "npm:^2.0.0"`).
 * Never throws: lines it does not understand are skipped.
 */
export function parseYarnLock(text: string): YarnLockEntry[] {
  const entries: YarnLockEntry[] = [];
  let current: YarnLockEntry | undefined;
  let inDependencies = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+$/, '');
    if (line === '' || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      current = line.endsWith(':') ? parseHeader(line.slice(0, -1)) : undefined;
      if (current) entries.push(current);
      inDependencies = false;
      continue;
    }
    if (!current) continue;
    if (indent === 2) {
      const field = splitField(line.trim());
      inDependencies = field?.key === 'dependencies' && field.value === '';
      if (field?.key === 'version') current.version = field.value;
      continue;
    }
    if (indent === 4 && inDependencies) {
      const field = splitField(line.trim());
      if (field) current.dependencies.set(field.key, stripProtocol(field.value));
    }
  }
  return entries;
}

/** `"@a/b@^1", "@a/b@npm:^2"` → name `@a/b`, ranges `^1`, `^2`. Entries for several names keep the first. */
function parseHeader(header: string): YarnLockEntry | undefined {
  let name: string | undefined;
  const ranges: string[] = [];
  // Quotes wrap each spec in v1 and the whole list in berry; names and ranges never contain one.
  for (const part of header.replace(/"/g, '').split(',')) {
    const spec = part.trim();
    // A scoped name starts with `@`, so the separating `@` is the first one after position 0.
    const at = spec.indexOf('@', 1);
    if (at <= 0) continue;
    const specName = spec.slice(0, at);
    name ??= specName;
    if (specName === name) ranges.push(stripProtocol(spec.slice(at + 1)));
  }
  return name === undefined ? undefined : { name, ranges, version: undefined, dependencies: new Map() };
}

/** `key value`, `key: value`, `"key" "value"` or `"key": value` → key and unquoted value. */
function splitField(text: string): { key: string; value: string } | undefined {
  const match = /^(?:"([^"]+)"|([^\s:"]+)):?(?:\s+(.*))?$/.exec(text);
  if (!match) return undefined;
  return { key: match[1] ?? match[2], value: unquote((match[3] ?? '').trim()) };
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

function stripProtocol(range: string): string {
  return range.startsWith('npm:') ? range.slice(4) : range;
}

/**
 * The version package-lock.json (lockfileVersion 1, 2 or 3) installs for `name` at the top of
 * `node_modules` of the project `projectDir` (a path relative to the lockfile's folder, '' for
 * the same folder): npm workspaces may install a package under the workspace itself.
 */
export function packageLockVersion(text: string, name: string, projectDir: string): string | undefined {
  let lock: unknown;
  try {
    lock = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(lock)) return undefined;
  const packages = lock.packages;
  if (isRecord(packages)) {
    const keys = projectDir ? [`${projectDir}/node_modules/${name}`, `node_modules/${name}`] : [`node_modules/${name}`];
    for (const key of keys) {
      const entry = packages[key];
      if (isRecord(entry) && typeof entry.version === 'string') return entry.version;
    }
  }
  // lockfileVersion 1 (and the v1 mirror that version 2 still carries).
  const dependencies = lock.dependencies;
  if (isRecord(dependencies)) {
    const entry = dependencies[name];
    if (isRecord(entry) && typeof entry.version === 'string') return entry.version;
  }
  return undefined;
}
