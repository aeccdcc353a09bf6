// The `document` generator: what `j1-integration document` would write for given step metadata.
export type { DocEntity, DocMappedRelationship, DocRelationship, DocStep } from './types';
export type { DedupeRule, DocumentFlavor, RelationshipOrder } from './flavor';
export { documentFlavorForCliVersion, NEWEST_DOCUMENT_FLAVOR } from './flavor';
export type { SdkCliVersion } from './cliVersion';
export { detectSdkCliVersion } from './cliVersion';
export type { DocumentMetadata } from './collect';
export { collectDocumentMetadata } from './collect';
export {
  DOCUMENTATION_MARKER_END,
  DOCUMENTATION_MARKER_START,
  hasDocumentableTypes,
  MISSING_END_MARKER_MESSAGE,
  renderDocumentationSection,
  replaceBetweenDocumentMarkers,
} from './render';
export { unifiedDiff } from './diff';
