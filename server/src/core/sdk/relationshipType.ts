/**
 * `generateRelationshipType` exactly as @jupiterone/integration-sdk-core computes it
 * (core/src/data/createIntegrationRelationship.ts), edge cases included:
 * the target's leading parts shared with the source are dropped, but the loop always runs once,
 * so ('HAS', 'user', 'user') gives 'user_has_'.
 */
export function generateRelationshipType(relationshipClass: string, fromType: string, toType: string): string {
  const fromParts = fromType.split('_');
  const toParts = toType.split('_');
  let i = 0;
  do {
    if (toParts[i] === fromParts[i]) i++;
    else break;
  } while (i < toParts.length - 1);
  return `${fromType}_${relationshipClass.toLowerCase()}_${toParts.slice(i).join('_')}`;
}

/** `generateRelationshipKey`: `${fromKey}|${class}|${toKey}` with the class lower-cased. */
export function generateRelationshipKey(relationshipClass: string, fromKey: string, toKey: string): string {
  return `${fromKey}|${relationshipClass.toLowerCase()}|${toKey}`;
}
