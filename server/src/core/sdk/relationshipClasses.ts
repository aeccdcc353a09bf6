import { RelationshipClass } from '@jupiterone/data-model/dist/RelationshipClass';

/** The relationship classes of the bundled @jupiterone/data-model, name -> value (`HAS` -> `HAS`). */
export const RELATIONSHIP_CLASSES: Readonly<Record<string, string>> = { ...(RelationshipClass as unknown as Record<string, string>) };

export const RELATIONSHIP_DIRECTIONS: Readonly<Record<string, string>> = { FORWARD: 'FORWARD', REVERSE: 'REVERSE' };
