import type { SourceRange } from '../model/types';

export type CollectionKind = 'entities' | 'relationships';

/** One entity or relationship of a `.j1-integration/graph` file: what the checks and views need, not the whole object. */
export interface GraphObjectRecord {
  kind: 'entity' | 'relationship';
  /** The step folder the file is in (`graph/<stepId>/...`). */
  stepId: string;
  /** The object literal in its file. */
  range: SourceRange;
  /** `_key` when it is a string. */
  key?: string;
  keyRange?: SourceRange;
  /** `_type` when it is a string. */
  type?: string;
  /** `_class`, always as a list (empty when absent or not strings). */
  classes: string[];
  /** `displayName`, else `name`, when a string. */
  name?: string;
  /** A digest of the object's content (key order ignored): the sync preview compares it. */
  digest: string;
}

export interface EntityRecord extends GraphObjectRecord {
  kind: 'entity';
}

export interface RelationshipRecord extends GraphObjectRecord {
  kind: 'relationship';
  fromKey?: string;
  fromKeyRange?: SourceRange;
  toKey?: string;
  toKeyRange?: SourceRange;
  /** A mapped relationship (`_mapping`): its target is found by the persister, not collected. */
  mapped: boolean;
  /** `_mapping.sourceEntityKey` of a mapped relationship. */
  sourceEntityKey?: string;
  sourceEntityKeyRange?: SourceRange;
  /** `_mapping.targetEntity._type` and `_mapping.relationshipDirection`, for drawing. */
  mappedTargetType?: string;
  mappedDirection?: string;
}

/** A step result of `summary.json` (integrationStepResults), as far as it is well formed. */
export interface StepResultRecord {
  id: string;
  name?: string;
  status?: string;
  declaredTypes: string[];
  partialTypes: string[];
  encounteredTypes: string[];
  encounteredTypeCounts: Record<string, number>;
  dependsOn: string[];
}

export interface CollectionSummary {
  file: string;
  steps: StepResultRecord[];
  /** `metadata.partialDatasets.types`: types whose data is incomplete, never deleted by a sync. */
  partialTypes: string[];
}
