import { ts } from '../project/ts';
import type { Problem, SourceRange } from '../model/types';
import type { FileHost } from '../project/fileHost';
import { ParseCache, type ParsedFile } from '../project/sourceFile';
import { tokenStart } from '../project/tokenStart';
import { ModuleResolver } from '../project/resolveModule';
import { ModuleRecord } from './moduleRecord';
import { scanModule } from './scanModule';
import { declaredImports, importSpecifiers, valueImportSpecifiers } from './valueImports';
import { evaluateExpression } from './expressions';
import { callValue } from './calls';
import { packageExport } from './packages';
import type { Scope } from './scope';
import { unknown, type ObjectValue, type Prop, type Value } from './values';

/** Thrown when an analysis exceeds its work budget: a hang in user code must not hang the tool. */
export class BudgetExceeded extends Error {}

export interface EvaluatorOptions {
  host: FileHost;
  cache?: ParseCache;
  /** Upper bound on evaluation steps for one analysis. */
  budget?: number;
}

/**
 * Evaluates a TypeScript/JavaScript project statically: module loading, scopes, expressions and
 * a small interpreter for helper functions. Everything it cannot know is an `unknown` value.
 */
export class Evaluator {
  readonly host: FileHost;
  readonly cache: ParseCache;
  /** Problems by the file they are in: syntax errors of loaded files, imports that lead nowhere. */
  private readonly problemsByFile = new Map<string, Problem[]>();
  private readonly modules = new Map<string, ModuleRecord | null>();
  /** Who imports whom (target path -> importer paths): what an edit must re-evaluate. */
  private readonly dependents = new Map<string, Set<string>>();
  private steps = 0;
  private readonly budget: number;
  /** Where imports lead (memoized; tsconfig baseUrl/paths for imports such as `src/constants` or `@/steps`). */
  private resolver: ModuleResolver;
  callDepth = 0;

  constructor(options: EvaluatorOptions) {
    this.host = options.host;
    this.cache = options.cache ?? new ParseCache();
    this.budget = options.budget ?? 5_000_000;
    this.resolver = new ModuleResolver(options.host);
  }

  /** Files loaded so far (absolute paths). */
  get files(): string[] {
    return [...this.modules.keys()].filter((p) => this.modules.get(p));
  }

  /** Problems of the files loaded so far. */
  get problems(): Problem[] {
    const all: Problem[] = [];
    for (const [file, problems] of this.problemsByFile) if (this.modules.get(file)) all.push(...problems);
    return all;
  }

  /** Starts a new analysis with this evaluator: a fresh work budget. Loaded modules stay. */
  beginAnalysis(): void {
    this.steps = 0;
    this.callDepth = 0;
  }

  /**
   * Forgets the modules of `paths` and, transitively, every module that imports them: their values
   * are computed again on the next read. Modules that do not depend on a changed file keep their
   * memoized values, which is what makes re-analysis after an edit cheap. Returns the paths forgotten.
   */
  invalidate(paths: Iterable<string>): string[] {
    let queue = [...paths];
    if (queue.some((p) => this.resolver.dependsOn(p))) {
      // A tsconfig or package.json edit may change where any import leads.
      this.resolver = new ModuleResolver(this.host);
      queue = [...queue, ...this.modules.keys()];
    }
    const forgotten = new Set<string>();
    while (queue.length) {
      const path = queue.pop() as string;
      if (forgotten.has(path)) continue;
      forgotten.add(path);
      for (const importer of this.dependents.get(path) ?? []) queue.push(importer);
    }
    for (const path of forgotten) {
      const record = this.modules.get(path);
      if (record) this.cjsCache.delete(record);
      this.modules.delete(path);
      this.problemsByFile.delete(path);
      this.dependents.delete(path);
    }
    // Edges from forgotten importers are recorded again when they load.
    for (const importers of this.dependents.values()) for (const path of forgotten) importers.delete(path);
    this.cycleMemo.clear();
    for (const key of [...this.missingReported]) if (forgotten.has(key.slice(0, key.lastIndexOf(':')))) this.missingReported.delete(key);
    return [...forgotten];
  }

  /** Forgets everything (a file was created or deleted: module resolution itself may change). */
  reset(): void {
    this.resolver = new ModuleResolver(this.host);
    this.invalidate([...this.modules.keys()]);
  }

  private addProblem(problem: Problem & { range: SourceRange }): void {
    const list = this.problemsByFile.get(problem.range.file) ?? [];
    list.push(problem);
    this.problemsByFile.set(problem.range.file, list);
  }

  private recordImport(importer: string, target: string): void {
    let importers = this.dependents.get(target);
    if (!importers) this.dependents.set(target, (importers = new Set()));
    importers.add(importer);
  }

  tick(): void {
    if (++this.steps > this.budget) throw new BudgetExceeded('evaluation budget exceeded');
  }

  parse(path: string): ParsedFile | undefined {
    const version = this.host.version(path) ?? '';
    return this.cache.get(path, version, () => this.host.readFile(path));
  }

  /**
   * Parses, before anything is evaluated, every project file `entry` reaches through its import and
   * export declarations. A one-shot run (the CLI) then parses in one stretch, as a compiler builds its
   * program first, rather than between evaluations: that is measurably faster (bench/check.mjs), and
   * the evaluator finds every tree in the cache. Only parses: problems and values still come when a
   * module is loaded, so the result of the analysis is the same.
   */
  parseAhead(entry: string): void {
    const seen = new Set<string>([entry]);
    const queue = [entry];
    for (let i = 0; i < queue.length; i++) {
      const file = queue[i];
      const parsed = this.parse(file);
      if (!parsed) continue;
      for (const specifier of declaredImports(parsed.sourceFile)) {
        const target = this.resolver.resolve(file, specifier);
        if (target.kind === 'file' && !seen.has(target.path)) {
          seen.add(target.path);
          queue.push(target.path);
        }
      }
    }
  }

  module(path: string): ModuleRecord | undefined {
    const existing = this.modules.get(path);
    if (existing !== undefined) return existing ?? undefined;
    const parsed = this.parse(path);
    if (!parsed) {
      this.modules.set(path, null);
      return undefined;
    }
    this.problemsByFile.set(path, parsed.syntaxErrors.map((p) => ({ ...p })));
    const record = new ModuleRecord(parsed);
    this.modules.set(path, record);
    scanModule(this, record);
    for (const specifier of record.sideEffectImports) {
      this.importModule(record, specifier, { file: path, start: 0, end: 0 });
    }
    return record;
  }

  range(node: ts.Node, file: ParsedFile | ModuleRecord): SourceRange {
    const parsed = file instanceof ModuleRecord ? file.file : file;
    return { file: parsed.path, start: tokenStart(node, parsed.sourceFile), end: node.end };
  }

  evaluate(node: ts.Expression, scope: Scope): Value {
    return evaluateExpression(this, node, scope);
  }

  call(fn: Value, args: Value[], at: SourceRange, self?: Value): Value {
    return callValue(this, fn, args, at, self);
  }

  /** The value a module exports under `name`, following re-exports and CommonJS assignments. */
  exportOf(record: ModuleRecord, name: string, at: SourceRange, seen = new Set<ModuleRecord>()): Value {
    if (seen.has(record)) return unknown(`circular re-export of '${name}'`, at);
    seen.add(record);
    const thunk = record.exports.get(name);
    if (thunk) return thunk();
    if (record.isCommonJs) {
      const cjs = this.commonJsExports(record);
      if (name === 'default') return cjs;
      if (cjs.k === 'object') {
        const prop = cjs.props.get(name);
        if (prop) return prop.get();
        if (cjs.open) return cjs.open;
      } else if (cjs.k === 'unknown') {
        return cjs;
      }
    }
    if (name !== 'default') {
      for (const specifier of record.starExports) {
        const target = this.importModule(record, specifier, at);
        if (target.k === 'unknown') return target;
        if (target.k !== 'module') continue;
        if (this.exportNames(target.record).has(name)) return this.exportOf(target.record, name, at, seen);
      }
    }
    return unknown(`'${name}' is not exported by ${relativeName(record.path)}`, at);
  }

  /** Every name a module exports (ES exports, re-exports, CommonJS named assignments). */
  exportNames(record: ModuleRecord, seen = new Set<ModuleRecord>()): Set<string> {
    const names = new Set<string>(record.exports.keys());
    if (seen.has(record)) return names;
    seen.add(record);
    if (record.isCommonJs) {
      const cjs = this.commonJsExports(record);
      if (cjs.k === 'object') for (const key of cjs.props.keys()) names.add(key);
    }
    for (const specifier of record.starExports) {
      const target = this.resolver.resolve(record.path, specifier);
      if (target.kind !== 'file') continue;
      this.recordImport(record.path, target.path);
      const other = this.module(target.path);
      if (!other) continue;
      for (const name of this.exportNames(other, seen)) if (name !== 'default') names.add(name);
    }
    return names;
  }

  private readonly cjsCache = new Map<ModuleRecord, Value>();

  /** `module.exports` after the module's top level ran. */
  commonJsExports(record: ModuleRecord): Value {
    const cached = this.cjsCache.get(record);
    if (cached) return cached;
    this.cjsCache.set(record, unknown(`circular require of ${relativeName(record.path)}`));
    // `exports` is the original object; `module.exports` starts as it and may be replaced.
    const original: ObjectValue = { k: 'object', props: new Map<string, Prop>() };
    let result: Value = original;
    for (const assignment of record.cjsAssignments) {
      if (assignment.kind === 'whole') {
        result = this.evaluate(assignment.expr, record.scope);
        continue;
      }
      const target = assignment.via === 'exports' ? original : result;
      if (target.k !== 'object') continue;
      const expr = assignment.expr;
      let memo: Value | undefined;
      target.props.set(assignment.name, {
        valueAt: this.range(expr, record),
        get: () => (memo ??= this.evaluate(expr, record.scope)),
      });
    }
    this.cjsCache.set(record, result);
    return result;
  }

  /** The namespace object of a module (`import * as ns`, `require()`). */
  namespaceOf(record: ModuleRecord, at: SourceRange, reader?: ModuleRecord): Value {
    if (record.isCommonJs && record.exports.size === 0) return this.commonJsExports(record);
    const props = new Map<string, Prop>();
    for (const name of this.exportNames(record)) {
      let memo: Value | undefined;
      const read = () => (reader ? this.crossModuleRead(reader, record, name, at) : this.exportOf(record, name, at));
      props.set(name, { get: () => (memo ??= read()) });
    }
    return { k: 'object', props, at };
  }

  /** Resolves `specifier` from `record`: a project module, a modelled package export, or unknown. */
  importModule(
    record: ModuleRecord,
    specifier: string,
    at: SourceRange,
  ): { k: 'module'; record: ModuleRecord } | { k: 'package'; name: string } | ReturnType<typeof unknown> {
    const target = this.resolver.resolve(record.path, specifier);
    if (target.kind === 'package') return { k: 'package', name: target.name };
    if (target.kind === 'missing') {
      this.reportMissingModule(specifier, at);
      return unknown(`cannot find module '${specifier}'`, at);
    }
    this.recordImport(record.path, target.path);
    const other = this.module(target.path);
    if (!other) return unknown(`cannot read ${relativeName(target.path)}`, at);
    return { k: 'module', record: other };
  }

  /** inImportCycle's answers, by reader then target (records, not a path key: asked on every cross-module read). */
  private readonly cycleMemo = new Map<ModuleRecord, Map<ModuleRecord, boolean>>();

  /**
   * Whether `to` loads `from` again at run time (an import cycle through modules loaded so far).
   * A value read across such a cycle may still be undefined (or a ReferenceError) at load time,
   * depending on which file loads first and on the compiler, so the analysis does not claim it.
   */
  inImportCycle(from: ModuleRecord, to: ModuleRecord): boolean {
    if (from === to) return false;
    let answers = this.cycleMemo.get(from);
    if (!answers) this.cycleMemo.set(from, (answers = new Map()));
    const memo = answers.get(to);
    if (memo !== undefined) return memo;
    const files = (record: ModuleRecord, specifiers: string[]) =>
      specifiers.map((s) => this.resolver.resolve(record.path, s)).flatMap((t) => (t.kind === 'file' ? [t.path] : []));
    // Most pairs are in no cycle even counting type-only imports: that check needs no walk of the syntax tree.
    const found =
      this.reaches(to, from, (r) => (r.allImports ??= files(r, importSpecifiers(r)))) &&
      this.reaches(to, from, (r) => (r.valueImports ??= files(r, valueImportSpecifiers(r))));
    answers.set(to, found);
    return found;
  }

  /** Whether `target` is reachable from `start` over the import edges given, among the modules loaded so far. */
  private reaches(start: ModuleRecord, target: ModuleRecord, edges: (record: ModuleRecord) => string[]): boolean {
    const seen = new Set<ModuleRecord>([start]);
    const queue = [start];
    while (queue.length) {
      const current = queue.shift() as ModuleRecord;
      for (const next of edges(current)) {
        const record = this.modules.get(next);
        if (!record || seen.has(record)) continue;
        if (record === target) return true;
        seen.add(record);
        queue.push(record);
      }
    }
    return false;
  }

  /** Reads `name` exported by `target` from `reader`, refusing reads across an import cycle. */
  private crossModuleRead(reader: ModuleRecord, target: ModuleRecord, name: string, at: SourceRange): Value {
    if (!target.hoisted.has(name) && this.inImportCycle(reader, target)) {
      return unknown(
        `circular import: ${relativeName(reader.path)} and ${relativeName(target.path)} import each other, so '${name}' may still be undefined when it is read at load time`,
        at,
      );
    }
    return name === '*' ? this.namespaceOf(target, at, reader) : this.exportOf(target, name, at);
  }

  /** The value `import { name } from specifier` binds in `record`. */
  importBinding(record: ModuleRecord, specifier: string, name: string | '*', at: SourceRange): Value {
    const target = this.importModule(record, specifier, at);
    if (target.k === 'unknown') return target;
    if (target.k === 'package') return packageExport(target.name, name, at);
    return this.crossModuleRead(record, target.record, name, at);
  }

  private readonly missingReported = new Set<string>();

  private reportMissingModule(specifier: string, at: SourceRange): void {
    const key = `${at.file}:${at.start}`;
    if (this.missingReported.has(key)) return;
    this.missingReported.add(key);
    this.addProblem({
      code: 'missing-module',
      severity: 'warning',
      message: `Cannot find module '${specifier}': values imported from it are not analysed.`,
      range: at,
    });
  }
}

function relativeName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.slice(-2).join('/');
}

