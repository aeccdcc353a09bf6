import * as classSchemas from '@jupiterone/data-model/dist/class_schemas';
import { version } from '@jupiterone/data-model/package.json';
import { RELATIONSHIP_CLASSES } from '../sdk/relationshipClasses';
import { schemaDataModel, schemaList, type ClassSchema } from './schemaModel';
import type { DataModelView } from './types';

export const BUNDLED_DATA_MODEL_VERSION: string = version;

let bundled: DataModelView | undefined;

/** The @jupiterone/data-model Integration Lens ships with (its class schemas and RelationshipClass). */
export function bundledDataModel(): DataModelView {
  bundled ??= schemaDataModel(
    `@jupiterone/data-model ${version} (bundled with Integration Lens)`,
    version,
    schemaList(Object.values(classSchemas as unknown as Record<string, ClassSchema>)),
    Object.keys(RELATIONSHIP_CLASSES),
  );
  return bundled;
}
