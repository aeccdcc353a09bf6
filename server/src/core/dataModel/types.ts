import type { ClassSchema } from './schemaModel';

/**
 * What one version of @jupiterone/data-model defines, as far as Integration Lens knows it.
 * Every answer may be `undefined`: "cannot tell", and rules then stay silent.
 */
export interface DataModelView {
  /** How messages name it, e.g. `@jupiterone/data-model 0.54.0 (installed)`. */
  readonly label: string;
  readonly version?: string;
  /** Whether an entity `_class` has a schema in this version. */
  isEntityClass(name: string): boolean | undefined;
  /** Whether a relationship `_class` is a key of RelationshipClass in this version (the SDK looks keys up). */
  isRelationshipClass(name: string): boolean | undefined;
  /** Properties an entity of this class must have (its schema and every schema it references), or undefined. */
  requiredProperties(name: string): readonly string[] | undefined;
  /** Names for did-you-mean suggestions. */
  entityClasses(): readonly string[];
  relationshipClasses(): readonly string[];
  /** The class schemas themselves when this view was read from them (to validate collected entities), else absent. */
  readonly classSchemas?: readonly ClassSchema[];
}
