import * as path from 'node:path';
import {
  analyzeIntegration,
  createRuleContext,
  EffectsCache,
  Evaluator,
  ParseCache,
  runRules,
  type FileHost,
  type Finding,
  type IntegrationAnalysis,
  type ModelLoadFailure,
  type QueryFacts,
} from '../core';
import type { StepEffects } from '../core/effects/types';
import type { RuleContext } from '../core/rules/types';
import { queryFactsOf } from '../core/rules/projectDataModel';

/** What the quick first pass gives rules instead of handler effects: nothing known, so they stay silent. */
const NO_EFFECTS: StepEffects = {
  entities: [],
  relationships: [],
  reads: [],
  configReads: [],
  dataWrites: [],
  complete: false,
  configComplete: false,
  gaps: [],
};

/** One integration project in the workspace: its evaluator, kept across edits, and its latest results. */
export class ProjectSession {
  private readonly cache = new ParseCache();
  private readonly effectsCache = new EffectsCache();
  private evaluator: Evaluator;
  private readonly dirty = new Set<string>();
  private needsReset = false;
  private stale = true;
  analysis: IntegrationAnalysis | ModelLoadFailure | undefined;
  findings: Finding[] = [];
  /** What editor queries may read beyond the model: the effects the rules computed for this analysis. */
  facts: QueryFacts = {};
  /** Increases with every analysis: results carry it so stale ones are recognised. */
  generation = 0;
  lastDurationMs = 0;
  lastAnalysisAt: Date | undefined;

  /** Which data model judges classes (the `integrationLens.dataModel.source` setting). */
  dataModelSource: 'project' | 'bundled' = 'project';

  constructor(
    readonly root: string,
    private readonly host: FileHost,
  ) {
    this.evaluator = new Evaluator({ host, cache: this.cache });
  }

  /** Whether a file lies inside this project (and so may affect it). */
  contains(file: string): boolean {
    const rel = path.relative(this.root, file);
    return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).includes('node_modules');
  }

  /** A file's content changed: it and the modules that import it are evaluated again. */
  changed(file: string): void {
    this.dirty.add(file);
    this.stale = true;
  }

  /** A file was created or deleted: imports may resolve differently, so start over (parses stay cached). */
  structureChanged(): void {
    this.needsReset = true;
    this.stale = true;
  }

  get isStale(): boolean {
    return this.stale;
  }

  /** Brings the analysis up to date (synchronously: it is fast once warm) and returns it. */
  ensure(): IntegrationAnalysis | ModelLoadFailure | undefined {
    if (!this.stale) return this.analysis;
    const started = performance.now();
    if (this.needsReset) {
      this.evaluator.reset();
      this.effectsCache.clear();
      this.effectsWarm = false;
    }
    else this.evaluator.invalidate(this.dirty);
    this.needsReset = false;
    this.dirty.clear();
    this.stale = false;
    try {
      this.analysis = analyzeIntegration({ projectPath: this.root, host: this.host, evaluator: this.evaluator });
    } catch (error) {
      // A crash in the core must not take the server down: report it as a load failure and start afresh next time.
      this.evaluator = new Evaluator({ host: this.host, cache: this.cache });
      this.effectsCache.clear();
      this.analysis = { kind: 'load-failure', message: `Integration Lens failed to analyse the project: ${(error as Error).message}`, problems: [] };
    }
    if (this.analysis && !('kind' in this.analysis)) {
      const context = createRuleContext(this.analysis, this.host, { dataModelSource: this.dataModelSource, effectsCache: this.effectsCache });
      this.facts = queryFactsOf(context);
      if (!this.effectsWarm) {
        // The first analysis walks every handler, which costs as much as the rest together. Answer first with what
        // needs no handler effects (rules stay silent on effects they are not given), then complete in the background.
        const quick = { ...context, effects: () => NO_EFFECTS };
        this.findings = runRules(this.analysis, this.host, undefined, quick);
        this.pendingContext = context;
      } else {
        this.findings = runRules(this.analysis, this.host, undefined, context);
        this.pendingContext = undefined;
      }
    } else {
      this.facts = {};
      this.findings = [];
      this.pendingContext = undefined;
    }
    this.generation++;
    this.lastDurationMs = performance.now() - started;
    this.lastAnalysisAt = new Date();
    return this.analysis;
  }

  private effectsWarm = false;
  private pendingContext: RuleContext | undefined;

  /** Whether the latest findings still lack the rules that need handler effects (see completeFindings). */
  get findingsPartial(): boolean {
    return this.pendingContext !== undefined;
  }

  /** Adds the findings that need handler effects to a partial result; false when there was nothing to complete. */
  completeFindings(): boolean {
    const context = this.pendingContext;
    if (!context || this.stale || !this.analysis || 'kind' in this.analysis) return false;
    const started = performance.now();
    this.findings = runRules(this.analysis, this.host, undefined, context);
    this.pendingContext = undefined;
    this.effectsWarm = true;
    this.generation++;
    this.lastDurationMs += performance.now() - started;
    return true;
  }

  /** The current analysis when it built a model (for editor queries). */
  current(): IntegrationAnalysis | undefined {
    const analysis = this.ensure();
    return analysis && !('kind' in analysis) ? analysis : undefined;
  }

  findingsFor(file: string): Finding[] {
    return this.findings.filter((f) => f.range.file === file);
  }
}
