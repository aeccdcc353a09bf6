import * as path from 'node:path';
import type { FileHost } from './fileHost';
import { TsconfigCache } from './tsconfigPaths';

export type ModuleTarget = { kind: 'file'; path: string } | { kind: 'package'; name: string } | { kind: 'missing'; tried: string };

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.json'];

function resolveAsFile(base: string, host: FileHost): string | undefined {
  if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|json)$/.test(base) && !base.endsWith('.d.ts') && host.fileExists(base)) return base;
  // ESM-style TypeScript imports name the emitted `.js` file.
  const jsMatch = /\.(m|c)?js$/.exec(base);
  if (jsMatch) {
    const stem = base.slice(0, -jsMatch[0].length);
    for (const ext of ['.ts', '.tsx', '.mts', '.cts']) if (host.fileExists(stem + ext)) return stem + ext;
  }
  for (const ext of EXTENSIONS) if (host.fileExists(base + ext)) return base + ext;
  return undefined;
}

function resolveAsDirectory(dir: string, host: FileHost): string | undefined {
  if (!host.directoryExists(dir)) return undefined;
  const pkgText = host.readFile(path.join(dir, 'package.json'));
  if (pkgText) {
    try {
      const pkg = JSON.parse(pkgText) as { main?: unknown; types?: unknown };
      if (typeof pkg.main === 'string') {
        const main = path.join(dir, pkg.main);
        const found = resolveAsFile(main, host) ?? resolveAsFile(path.join(main, 'index'), host);
        if (found) return found;
      }
    } catch {
      // A broken package.json falls back to index files, as Node does.
    }
  }
  return resolveAsFile(path.join(dir, 'index'), host);
}

/**
 * Where `import ... from specifier` in `fromFile` leads: a project file, an npm package, or nowhere.
 * With `tsconfigs`, a non-relative specifier is first tried against the `paths` and `baseUrl` of the
 * tsconfig that applies to `fromFile`, as TypeScript does; what they do not map is a package.
 */
export function resolveModule(fromFile: string, specifier: string, host: FileHost, tsconfigs?: TsconfigCache): ModuleTarget {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const base = path.resolve(path.dirname(fromFile), specifier);
    const found = resolveAsFile(base, host) ?? resolveAsDirectory(base, host);
    return found ? { kind: 'file', path: found } : { kind: 'missing', tried: base };
  }
  if (tsconfigs && !specifier.startsWith('node:')) {
    const mapping = tsconfigs.mappingFor(path.dirname(fromFile));
    if (mapping) {
      const found = tsconfigs.resolve(mapping, specifier, (candidate) => resolveAsFile(candidate, host) ?? resolveAsDirectory(candidate, host));
      // A mapped file inside node_modules is still a package: its code is not read.
      if (found && !found.split(path.sep).includes('node_modules')) return { kind: 'file', path: found };
    }
  }
  const name = specifier.startsWith('node:') ? specifier : packageName(specifier);
  return { kind: 'package', name: specifier === name ? name : specifier };
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Module resolution for one analysis, memoized: the same import from the same directory leads to the
 * same place until a file is created or deleted (the caller then starts a new resolver) or one of
 * `configFiles` (tsconfigs, package.json files read for `main`) changes.
 */
export class ModuleResolver {
  private readonly results = new Map<string, ModuleTarget>();
  readonly tsconfigs: TsconfigCache;
  private readonly packageJsons = new Set<string>();

  constructor(private readonly host: FileHost) {
    this.tsconfigs = new TsconfigCache(host);
  }

  resolve(fromFile: string, specifier: string): ModuleTarget {
    const dir = path.dirname(fromFile);
    const key = `${dir}\0${specifier}`;
    let target = this.results.get(key);
    if (!target) {
      target = resolveModule(fromFile, specifier, this.host, this.tsconfigs);
      this.results.set(key, target);
      // A directory import may have read its package.json ("main").
      if (target.kind === 'file' && !/\.(json)$/.test(specifier)) this.packageJsons.add(path.join(path.dirname(target.path), 'package.json'));
      if (target.kind === 'missing') this.packageJsons.add(path.join(target.tried, 'package.json'));
    }
    return target;
  }

  /** Whether a change of `file`'s content may change where imports lead. */
  dependsOn(file: string): boolean {
    return this.tsconfigs.files.has(file) || this.packageJsons.has(file);
  }
}
