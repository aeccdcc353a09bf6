/** One resolved package of a pnpm-lock.yaml, with the versions its own dependencies resolve to. */
export interface PnpmPackage {
  name: string;
  /** The version, without pnpm's peer suffix (`_typescript@4.7.4` in v5, `(typescript@5.0.0)` since v6). */
  version: string;
  dependencies: Map<string, string>;
}

export interface PnpmLock {
  /** Each project of the lockfile (`.` for the root, else its folder relative to the lockfile): direct dependency name -> version. */
  importers: Map<string, Map<string, string>>;
  packages: PnpmPackage[];
}

const DEPENDENCY_FIELDS = new Set(['dependencies', 'devDependencies', 'optionalDependencies']);
/** The top-level sections that name versions. */
const TOP_KEYS = new Set(['importers', 'packages', 'snapshots', ...DEPENDENCY_FIELDS]);

/**
 * Reads the parts of a pnpm-lock.yaml that say which versions are installed, with a line scanner
 * (lockfiles run to tens of thousands of lines; a YAML parser builds every resolution and
 * integrity object for nothing). pnpm writes its lockfiles itself, in block style with two-space
 * indentation, which is what the scanner relies on:
 * - v5 (`lockfileVersion: 5.4`): `dependencies:` / `  name: 1.2.3_peer@1.0.0` at the top or under
 *   `importers:` / `  dir:`; packages keyed `/name/1.2.3_peer` with their `dependencies:`.
 * - v6 (`lockfileVersion: '6.0'`): `  name:` / `    specifier: ^1` / `    version: 1.2.3(peer@1.0.0)`;
 *   packages keyed `/name@1.2.3(peer@1.0.0)`.
 * - v9 (`lockfileVersion: '9.0'`): always `importers:`; packages keyed `name@1.2.3`, their
 *   dependencies under `snapshots:` keyed `name@1.2.3(peer@1.0.0)`.
 * Never throws: lines it does not understand are skipped.
 */
export function parsePnpmLock(text: string): PnpmLock {
  const importers = new Map<string, Map<string, string>>();
  const packages = new Map<string, PnpmPackage>();
  const stack: Array<{ indent: number; key: string }> = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    const first = line.charCodeAt(indent);
    // Blank lines, comments, sequence items (`- x`): nothing the versions depend on.
    if (Number.isNaN(first) || first === 13 || first === 35 /* # */ || first === 45 /* - */) continue;
    const field = keyValue(line, indent);
    if (!field) continue;
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    // Every key of `packages:` / `snapshots:` is a package, with or without dependencies.
    if (stack.length === 1 && (stack[0].key === 'packages' || stack[0].key === 'snapshots')) packageOf(field.key, packages);
    if (field.value === '') {
      stack.push({ indent, key: field.key });
      continue;
    }
    // Only the first four levels hold versions; the path is built for those lines only.
    if (stack.length <= 4 && (stack.length === 0 || TOP_KEYS.has(stack[0].key))) {
      record(stack.map((s) => s.key), field.key, field.value, importers, packages);
    }
  }
  return { importers, packages: [...packages.values()] };
}

function record(path: string[], key: string, value: string, importers: PnpmLock['importers'], packages: Map<string, PnpmPackage>): void {
  const depth = path.length;
  // Direct dependencies: `dependencies/name: 1.2.3` (v5), `dependencies/name/version: 1.2.3` (v6), under an importer or not.
  let importer: string | undefined;
  let name: string | undefined;
  if (path[0] === 'importers') {
    if (depth === 3 && DEPENDENCY_FIELDS.has(path[2])) [importer, name] = [path[1], key];
    else if (depth === 4 && DEPENDENCY_FIELDS.has(path[2]) && key === 'version') [importer, name] = [path[1], path[3]];
  } else if (depth === 1 && DEPENDENCY_FIELDS.has(path[0])) [importer, name] = ['.', key];
  else if (depth === 2 && DEPENDENCY_FIELDS.has(path[0]) && key === 'version') [importer, name] = ['.', path[1]];
  if (importer !== undefined && name !== undefined) {
    const version = cleanVersion(value);
    if (version === undefined) return;
    let deps = importers.get(importer);
    if (!deps) importers.set(importer, (deps = new Map()));
    deps.set(name, version);
    return;
  }
  // A package's dependencies: `packages/<key>/dependencies/name: 1.2.3` (v5, v6), `snapshots/<key>/...` (v9).
  if (depth === 3 && (path[0] === 'packages' || path[0] === 'snapshots') && DEPENDENCY_FIELDS.has(path[2])) {
    const pkg = packageOf(path[1], packages);
    const version = cleanVersion(value);
    if (pkg && version !== undefined) pkg.dependencies.set(key, version);
  }
}

/** The package a `packages:` / `snapshots:` key names, created on first sight (v9 keys a package in both). */
function packageOf(key: string, packages: Map<string, PnpmPackage>): PnpmPackage | undefined {
  const parsed = parsePackageKey(key);
  if (!parsed) return undefined;
  const id = `${parsed.name}@${parsed.version}`;
  let pkg = packages.get(id);
  if (!pkg) packages.set(id, (pkg = { ...parsed, dependencies: new Map() }));
  return pkg;
}

/**
 * `/name/1.2.3_peer` (v5), `/name@1.2.3(peer)` (v6), `name@1.2.3(peer)` (v9), with an optional
 * registry host before the name in v5 (`registry.example.com/name/1.2.3`).
 */
export function parsePackageKey(key: string): { name: string; version: string } | undefined {
  let spec = key.startsWith('/') ? key.slice(1) : key;
  const paren = spec.indexOf('(');
  if (paren >= 0) spec = spec.slice(0, paren);
  // v5: the version is the last path segment (its `_peer@x` suffix may hold an `@`), the name
  // the one or two (scoped) segments before it.
  const parts = spec.split('/');
  const v5 = parts.length >= 2 ? cleanVersion(parts[parts.length - 1]) : undefined;
  if (v5 !== undefined) {
    const scoped = parts.length >= 3 && parts[parts.length - 3].startsWith('@');
    return { name: scoped ? `${parts[parts.length - 3]}/${parts[parts.length - 2]}` : parts[parts.length - 2], version: v5 };
  }
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  if (at <= 0) return undefined;
  const version = cleanVersion(spec.slice(at + 1));
  return version === undefined ? undefined : { name: spec.slice(0, at), version };
}

/**
 * A resolved version without its peer suffix; undefined for what is not a registry version
 * (`link:../pkg`, `file:...`, a tarball URL). v5 aliases (`/@scope/name/1.2.3`) give their version.
 */
function cleanVersion(value: string): string | undefined {
  let v = value;
  if (v.startsWith('/')) return parsePackageKey(v)?.version;
  const paren = v.indexOf('(');
  if (paren >= 0) v = v.slice(0, paren);
  const underscore = v.indexOf('_');
  if (underscore >= 0) v = v.slice(0, underscore);
  return /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(v) ? v : undefined;
}

/** `key: value` / `'@scope/key': value` / `key:` → the key and the unquoted value ('' when a block follows). */
function keyValue(line: string, indent: number): { key: string; value: string } | undefined {
  let key: string;
  let rest: number;
  const quote = line[indent];
  if (quote === "'" || quote === '"') {
    let close = indent + 1;
    for (;;) {
      close = line.indexOf(quote, close);
      if (close < 0) return undefined;
      // In single quotes, '' is an escaped quote.
      if (quote === "'" && line[close + 1] === "'") {
        close += 2;
        continue;
      }
      break;
    }
    key = line.slice(indent + 1, close);
    if (quote === "'") key = key.replace(/''/g, "'");
    if (line[close + 1] !== ':') return undefined;
    rest = close + 2;
  } else {
    const colon = line.indexOf(':', indent);
    if (colon < 0) return undefined;
    // `key: value`: the first colon followed by a space or the end of the line ends the key.
    let c = colon;
    while (c >= 0 && c + 1 < line.length && line[c + 1] !== ' ' && line[c + 1] !== '\r') c = line.indexOf(':', c + 1);
    if (c < 0) return undefined;
    key = line.slice(indent, c);
    rest = c + 1;
  }
  let value = line.slice(rest).trim();
  if (value.length >= 2 && (value[0] === "'" || value[0] === '"') && value[value.length - 1] === value[0]) value = value.slice(1, -1);
  return { key, value };
}
