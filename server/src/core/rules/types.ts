import type { ts } from '@ts-morph/common';
import type { IntegrationModel, Resolved, SourceRange } from '../model/types';
import type { FileHost } from '../project/fileHost';
import type { StepEffects } from '../effects/types';
import type { StartStateReturn } from '../effects/startStates';
import type { StepModel } from '../model/types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation {
  range: SourceRange;
  message: string;
}

export interface TextEdit {
  range: SourceRange;
  newText: string;
}

/** A quick fix: edits that resolve the finding, computed by the rule (pure data, no editor). */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants (one per finding at most). */
  preferred?: boolean;
}

/** A diagnostic of the analysis core, before any presenter (CLI, LSP) translates it. */
export interface Finding {
  /** Stable identifier, e.g. `unknown-dependency`: CI configurations and suppressions rely on it. */
  code: string;
  severity: Severity;
  /** The string or property at fault, in the file where it is written. */
  range: SourceRange;
  /** What is wrong and how to fix it. */
  message: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Rule-specific facts for editor features (e.g. the suggested step id). */
  data?: Record<string, unknown>;
}

/** What rules may look at: the model, the handlers' effects, and file text for edits. */
export interface RuleContext {
  readonly model: IntegrationModel;
  readonly host: FileHost;
  /** Text of a project file (open buffer or disk), for computing edits. */
  text(file: string): string | undefined;
  /** The syntax tree of that text (parents set): the one the evaluator parsed, never parsed again. */
  sourceFile(file: string): ts.SourceFile | undefined;
  /** What a step's executionHandler can do (types it adds and reads, config it reads); computed once, on demand. */
  effects(step: StepModel): StepEffects;
  /** The object literals getStepStartStates returns, or undefined when they are not statically known. */
  startStates(): StartStateReturn[] | undefined;
  /** Which data model judges classes: the project's own version (default), or the bundled one (a setting). */
  readonly dataModelSource?: 'project' | 'bundled';
}

export interface Rule {
  /** The codes this rule can report. */
  readonly codes: readonly string[];
  run(context: RuleContext): Finding[];
}

/** The known value, or undefined: rules stay silent about what the analysis cannot know. */
export function knownValue<T>(r: Resolved<T> | undefined): T | undefined {
  return r?.kind === 'known' ? r.value : undefined;
}

/** Where a finding about a value should point: where the literal is written if known, else where it is used. */
export function valueRange<T>(r: Resolved<T>): SourceRange {
  return r.kind === 'known' ? r.range : r.range;
}
