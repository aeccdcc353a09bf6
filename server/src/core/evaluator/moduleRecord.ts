import { ts } from '../project/ts';
import type { ParsedFile } from '../project/sourceFile';
import { Scope } from './scope';
import type { Value } from './values';

/** `module.exports = e` (whole), `module.exports.name = e` or `exports.name = e`. */
export type CommonJsAssignment =
  | { kind: 'whole'; expr: ts.Expression }
  | { kind: 'named'; via: 'exports' | 'module.exports'; name: string; expr: ts.Expression };

/** An export of a module, computed on first read. */
export type ExportThunk = () => Value;

/** What a module exports and how its top level binds names; values are computed lazily through `scope`. */
export class ModuleRecord {
  readonly scope: Scope;
  /** ES exports by exported name. */
  readonly exports = new Map<string, ExportThunk>();
  /** Modules re-exported with `export * from`. */
  readonly starExports: string[] = [];
  /**
   * CommonJS assignments in source order. Order matters: `exports.x = 1` after `module.exports = {...}`
   * writes to the original exports object, which is no longer exported.
   */
  readonly cjsAssignments: CommonJsAssignment[] = [];
  /**
   * Top-level statements that mutate a module binding after its declaration (`steps.push(x)`, or a
   * loop or `if` that changes only that binding): reading the binding replays them, so the value is
   * the one the module has after loading.
   */
  readonly mutations = new Map<string, ts.Statement[]>();
  /** Module bindings changed inside top-level `if`/loops/blocks: their final value is not known statically. */
  readonly opaqueMutations = new Map<string, ts.Statement>();

  /** `import './x'` specifiers, loaded for their problems. */
  readonly sideEffectImports: string[] = [];
  /** Function declarations: hoisted, so readable across an import cycle. */
  readonly hoisted = new Set<string>();
  /** Project files this module imports for their values (type-only imports are erased at run time), resolved lazily. */
  valueImports?: string[];
  /** Project files this module imports at all (type-only imports included), resolved lazily. */
  allImports?: string[];

  constructor(readonly file: ParsedFile) {
    this.scope = new Scope(undefined, this);
  }

  get path(): string {
    return this.file.path;
  }

  get isCommonJs(): boolean {
    return this.cjsAssignments.length > 0;
  }
}
