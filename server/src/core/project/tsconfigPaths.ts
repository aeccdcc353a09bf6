import * as path from 'node:path';
import { ts } from './ts';
import type { FileHost } from './fileHost';

/** One `compilerOptions.paths` entry: `"@/*": ["src/*"]`. */
interface PathPattern {
  prefix: string;
  /** Undefined for an exact key (no `*`). */
  suffix?: string;
  substitutions: string[];
}

/** What a tsconfig says about non-relative imports: `baseUrl` and `paths`, with absolute bases. */
export interface PathMapping {
  /** The tsconfig that applies (the nearest one), for messages and cache keys. */
  configFile: string;
  baseUrl?: string;
  paths?: PathPattern[];
  /** Where `paths` substitutions are resolved from: baseUrl, else the directory of the tsconfig that set `paths`. */
  pathsBase?: string;
}

interface RawOptions {
  baseUrl?: { value: string; dir: string };
  paths?: { value: Record<string, string[]>; dir: string };
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/**
 * tsconfig `baseUrl`/`paths` lookups, as TypeScript resolves non-relative imports (`import x from
 * 'src/constants'`, `'@/steps'`): the nearest tsconfig.json (or jsconfig.json) walking up from the
 * importing file, following `extends`. One cache per analysis: the files it read are listed in
 * `files` so that an edit of one of them can start the analysis over.
 */
export class TsconfigCache {
  private readonly byDir = new Map<string, PathMapping | null>();
  private readonly loaded = new Map<string, RawOptions>();
  private readonly resolved = new Map<string, string | null>();
  /** Every tsconfig file read (or looked for and found) so far. */
  readonly files = new Set<string>();

  constructor(private readonly host: FileHost) {}

  /** The mapping that applies to files in `dir`, or null when no tsconfig sets baseUrl or paths. */
  mappingFor(dir: string): PathMapping | null {
    const chain: string[] = [];
    let result: PathMapping | null | undefined;
    for (let current = dir; ; current = path.dirname(current)) {
      const cached = this.byDir.get(current);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      chain.push(current);
      const config = CONFIG_NAMES.map((name) => path.join(current, name)).find((file) => this.host.fileExists(file));
      if (config) {
        this.files.add(config);
        result = this.mappingOf(config);
        break;
      }
      if (path.dirname(current) === current) {
        result = null;
        break;
      }
    }
    for (const d of chain) this.byDir.set(d, result);
    return result;
  }

  /** A project file for `specifier` under `mapping`, by the resolver TypeScript would use; undefined when none. */
  resolve(mapping: PathMapping, specifier: string, load: (candidate: string) => string | undefined): string | undefined {
    const key = `${mapping.configFile}\0${specifier}`;
    const cached = this.resolved.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.resolveUncached(mapping, specifier, load);
    this.resolved.set(key, found ?? null);
    return found;
  }

  private resolveUncached(mapping: PathMapping, specifier: string, load: (candidate: string) => string | undefined): string | undefined {
    if (mapping.paths && mapping.pathsBase) {
      const match = matchPattern(mapping.paths, specifier);
      if (match) {
        for (const substitution of match.pattern.substitutions) {
          const candidate = path.resolve(mapping.pathsBase, substitution.replace('*', match.star));
          const found = load(candidate);
          if (found) return found;
        }
      }
    }
    if (mapping.baseUrl) return load(path.resolve(mapping.baseUrl, specifier));
    return undefined;
  }

  private mappingOf(configFile: string): PathMapping | null {
    const options = this.load(configFile, new Set());
    if (!options.baseUrl && !options.paths) return null;
    const mapping: PathMapping = { configFile };
    if (options.baseUrl) mapping.baseUrl = path.resolve(options.baseUrl.dir, options.baseUrl.value);
    if (options.paths) {
      mapping.paths = Object.entries(options.paths.value)
        .filter(([, subs]) => Array.isArray(subs))
        .map(([key, substitutions]) => {
          const star = key.indexOf('*');
          const pattern: PathPattern = { prefix: star < 0 ? key : key.slice(0, star), substitutions: substitutions.filter((s) => typeof s === 'string') };
          if (star >= 0) pattern.suffix = key.slice(star + 1);
          return pattern;
        });
      mapping.pathsBase = mapping.baseUrl ?? options.paths.dir;
    }
    return mapping;
  }

  /** baseUrl and paths of a tsconfig after its `extends` chain (own options override the base's). */
  private load(configFile: string, seen: Set<string>): RawOptions {
    const cached = this.loaded.get(configFile);
    if (cached) return cached;
    if (seen.has(configFile)) return {};
    seen.add(configFile);
    this.files.add(configFile);
    const text = this.host.readFile(configFile);
    let options: RawOptions = {};
    if (text !== undefined) {
      const { config } = ts.parseConfigFileTextToJson(configFile, text) as { config?: unknown };
      const json = (config && typeof config === 'object' ? config : {}) as { extends?: unknown; compilerOptions?: unknown };
      const dir = path.dirname(configFile);
      const bases = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
      for (const base of bases) {
        if (typeof base !== 'string') continue;
        const baseFile = this.findExtended(dir, base);
        if (baseFile) options = { ...options, ...this.load(baseFile, seen) };
      }
      const compilerOptions = (json.compilerOptions && typeof json.compilerOptions === 'object' ? json.compilerOptions : {}) as Record<string, unknown>;
      if (typeof compilerOptions.baseUrl === 'string') options.baseUrl = { value: compilerOptions.baseUrl, dir };
      const paths = compilerOptions.paths;
      if (paths && typeof paths === 'object' && !Array.isArray(paths)) options.paths = { value: paths as Record<string, string[]>, dir };
    }
    this.loaded.set(configFile, options);
    return options;
  }

  /** The file an `extends` names: a relative/absolute path (`.json` optional), or a package's config under node_modules. */
  private findExtended(dir: string, base: string): string | undefined {
    const tryFile = (file: string) => [file, `${file}.json`, path.join(file, 'tsconfig.json')].find((f) => this.host.fileExists(f));
    if (base.startsWith('.') || path.isAbsolute(base)) return tryFile(path.resolve(dir, base));
    for (let current = dir; ; current = path.dirname(current)) {
      const found = tryFile(path.join(current, 'node_modules', base));
      if (found) return found;
      if (path.dirname(current) === current) return undefined;
    }
  }
}

/** TypeScript's choice among `paths` keys: an exact key, else the matching pattern with the longest prefix. */
function matchPattern(patterns: PathPattern[], specifier: string): { pattern: PathPattern; star: string } | undefined {
  const exact = patterns.find((p) => p.suffix === undefined && p.prefix === specifier);
  if (exact) return { pattern: exact, star: '' };
  let best: { pattern: PathPattern; star: string } | undefined;
  for (const pattern of patterns) {
    if (pattern.suffix === undefined) continue;
    const { prefix, suffix } = pattern;
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (!best || prefix.length > best.pattern.prefix.length) {
      best = { pattern, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
    }
  }
  return best;
}
