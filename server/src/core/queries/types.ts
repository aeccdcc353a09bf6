import type { StepEffects } from '../effects/types';
import type { SourceRange, StepModel } from '../model/types';

/**
 * Facts beyond the static model that some queries read. The rules' RuleContext satisfies it, so the
 * server can pass the context it already has and handler effects are computed once for both.
 */
export interface QueryFacts {
  /**
   * What a step's executionHandler can do; absent: queries answer from the model alone. Queries index
   * the effects once per function, so `{ effects: context.effects, dataModel }` built per request is cheap.
   */
  effects?(step: StepModel): StepEffects;
  /** The data model of the project's own SDK version (core/dataModel's DataModelView fits); absent: the bundled one. */
  dataModel?: DataModelFacts;
}

/** What the queries ask of a data-model version; every answer may be undefined ("cannot tell"). */
export interface DataModelFacts {
  /** How to name it, e.g. `@jupiterone/data-model 0.54.0 (installed)`. */
  readonly label: string;
  isEntityClass(name: string): boolean | undefined;
  isRelationshipClass(name: string): boolean | undefined;
  /** Every property an entity of the class must have (its schema and those it references). */
  requiredProperties(name: string): readonly string[] | undefined;
  entityClasses(): readonly string[];
  relationshipClasses(): readonly string[];
}

/** The thing a position can name. Identity is the value: every place that evaluates to it is the same subject. */
export type Subject =
  | { kind: 'step'; id: string }
  | { kind: 'type'; type: string }
  /** `names` has several entries only where one expression holds a class list (`_class: Entities.DEVICE._class`). */
  | { kind: 'class'; of: 'entity' | 'relationship'; names: string[] };

export type OccurrenceRole =
  /** A step's `id`. */
  | 'step-id'
  | 'depends-on'
  /** A key of an object getStepStartStates returns. */
  | 'start-state'
  | 'entity-type'
  | 'relationship-type'
  | 'mapped-relationship-type'
  | 'source-type'
  | 'target-type'
  /** A `_type` a handler creates (entity or relationship). */
  | 'produced-type'
  /** A `_type` a handler reads (iterateEntities, iterateRelationships, ...). */
  | 'read-type'
  | 'entity-class'
  | 'relationship-class';

/** One place that names a subject. */
export interface Occurrence {
  subject: Subject;
  role: OccurrenceRole;
  /** The range that names the subject here: the use, or the literal's origin when `atOrigin`. */
  range: SourceRange;
  /** Where the value is used (e.g. `Steps.USERS` in a dependsOn). */
  use: SourceRange;
  /** Where the literal is written, when elsewhere (e.g. `'fetch-users'` in constants.ts). */
  origin?: SourceRange;
  atOrigin: boolean;
  /** The step the occurrence belongs to (its id, a dependsOn entry, its metadata, its handler's effects). */
  step?: StepModel;
  /** Where the fact comes from: the model, handler effects, or the syntax alone (code the model could not evaluate). */
  source: 'model' | 'effects' | 'syntax';
}
