import type { ObjectValue, Prop } from '../evaluator/values';
import type { Resolved, SourceRange } from '../model/types';

/** How an entity object was made by createIntegrationEntity: what the entities record needs. */
export interface EntityProvenance {
  kind: 'createIntegrationEntity';
  /** The createIntegrationEntity call. */
  range: SourceRange;
  /** `entityData.assign._type`, as a property (where it is written) when present. */
  typeProp?: Prop;
  _class?: Resolved<string | string[]>;
  assign?: { keys: string[]; complete: boolean; range: SourceRange };
  hasSource: boolean;
}

/** How a relationship object was made by an SDK function, with the endpoint types it was built from. */
export interface RelationshipProvenance {
  kind: 'createDirectRelationship' | 'createMappedRelationship' | 'createIntegrationRelationship';
  range: SourceRange;
  /** Where an explicit `_type` is written (`properties._type`, or the mapped relationship's `_type` option). */
  explicitType?: Prop;
  _class: Resolved<string>;
  sourceType?: Resolved<string>;
  targetType?: Resolved<string>;
  sourceDataKey?: string;
  targetDataKey?: string;
  mapped: boolean;
}

/**
 * Provenance of the graph objects the analysis builds, by object identity. Objects a handler writes as
 * literals have none: their `_type` property is read directly.
 */
export class ProvenanceTable {
  // Maps, not WeakMaps: a table serves one handler's walk, whose objects live as long anyway.
  private readonly entities = new Map<ObjectValue, EntityProvenance>();
  private readonly relationships = new Map<ObjectValue, RelationshipProvenance>();

  setEntity(object: ObjectValue, provenance: EntityProvenance): void {
    this.entities.set(object, provenance);
  }

  setRelationship(object: ObjectValue, provenance: RelationshipProvenance): void {
    this.relationships.set(object, provenance);
  }

  entity(object: ObjectValue): EntityProvenance | undefined {
    return this.entities.get(object);
  }

  relationship(object: ObjectValue): RelationshipProvenance | undefined {
    return this.relationships.get(object);
  }
}
