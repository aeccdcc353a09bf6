/**
 * The static model of a JupiterOne integration, as the analysis core extracts it from source.
 * Every value carries where it was written; a value the core cannot know is `Unknown`, never a guess.
 */

/** A span of a source file: absolute path and UTF-16 offsets (end exclusive). */
export interface SourceRange {
  file: string;
  start: number;
  end: number;
}

/** A statically known value. `range` is where it is used (e.g. `Steps.USERS` in a step); `origin` where the literal is written. */
export interface Known<T> {
  kind: 'known';
  value: T;
  range: SourceRange;
  origin?: SourceRange;
}

/** A value the core could not determine, with the reason and the place that stopped it. */
export interface Unknown {
  kind: 'unknown';
  reason: string;
  range: SourceRange;
}

export type Resolved<T> = Known<T> | Unknown;

/** A list whose elements may be partly unknown (an unresolved spread, a call the core cannot follow). */
/** An element (or run of elements) of a list that could not be determined. */
export interface ListUnknown extends Unknown {
  /** How many known items precede it; absent when the whole list is unknown. */
  index?: number;
}

export interface ListModel<T> {
  items: T[];
  /** False when some elements could not be determined: rules must not assume the list is exhaustive. */
  complete: boolean;
  unknowns: ListUnknown[];
  range?: SourceRange;
}

export interface EntityMetadataModel {
  range: SourceRange;
  resourceName: Resolved<string>;
  _type: Resolved<string>;
  _class: Resolved<string | string[]>;
  partial?: Resolved<boolean>;
}

export interface RelationshipMetadataModel {
  range: SourceRange;
  _type: Resolved<string>;
  _class: Resolved<string>;
  sourceType: Resolved<string>;
  targetType: Resolved<string>;
  partial?: Resolved<boolean>;
}

export interface MappedRelationshipMetadataModel extends RelationshipMetadataModel {
  direction: Resolved<string>;
}

/** A function the integration defines: where it is declared. */
export interface FunctionRef {
  kind: 'function';
  name?: string;
  range: SourceRange;
  /** For a wrapper closure (`wrap(step.executionHandler)`): the functions it closes over, the wrapped handler among them. */
  wraps?: FunctionRef[];
}

export interface StepModel {
  /** The step object literal (or the call that produced it). */
  range: SourceRange;
  /** Where the step is listed: the array element that puts it into integrationSteps (a spread keeps the original). */
  listedAt?: SourceRange;
  id: Resolved<string>;
  name: Resolved<string>;
  entities: ListModel<EntityMetadataModel>;
  relationships: ListModel<RelationshipMetadataModel>;
  mappedRelationships: ListModel<MappedRelationshipMetadataModel>;
  dependsOn: ListModel<Resolved<string>>;
  dependencyGraphId?: Resolved<string>;
  ingestionSourceId?: Resolved<string>;
  executionHandler?: FunctionRef | Unknown;
}

export interface ConfigFieldModel {
  name: string;
  range: SourceRange;
  type?: Resolved<string>;
  mask?: Resolved<boolean>;
  optional?: Resolved<boolean>;
}

export interface IngestionSourceModel {
  id: string;
  range: SourceRange;
  title?: Resolved<string>;
  description?: Resolved<string>;
  defaultsToDisabled?: Resolved<boolean>;
  cannotBeDisabled?: Resolved<boolean>;
}

export interface InvocationHooks {
  getStepStartStates?: FunctionRef | Unknown;
  validateInvocation?: FunctionRef | Unknown;
  loadExecutionConfig?: FunctionRef | Unknown;
  beforeAddEntity?: FunctionRef | Unknown;
  beforeAddRelationship?: FunctionRef | Unknown;
  executionHandlerWrapper?: FunctionRef | Unknown;
}

export type ProblemSeverity = 'error' | 'warning' | 'information';

/** Something that stopped or limited the analysis (syntax error, missing file, circular import). */
export interface Problem {
  code: string;
  severity: ProblemSeverity;
  message: string;
  range?: SourceRange;
}

export interface IntegrationModel {
  projectPath: string;
  /** The module that exports `invocationConfig`. */
  entryFile: string;
  /** The `invocationConfig` value expression. */
  invocationConfig: SourceRange;
  steps: ListModel<StepModel>;
  instanceConfigFields?: ListModel<ConfigFieldModel>;
  ingestionConfig?: ListModel<IngestionSourceModel>;
  hooks: InvocationHooks;
  /** Every value the core could not resolve, in source order of discovery. */
  unresolved: Unknown[];
  problems: Problem[];
  /** Files read to build the model (absolute paths). */
  files: string[];
}

/** Why no model could be built: no integration found, unreadable project. */
export interface ModelLoadFailure {
  kind: 'load-failure';
  message: string;
  range?: SourceRange;
  problems: Problem[];
}
