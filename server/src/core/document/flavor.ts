/**
 * `j1-integration document` has produced different output over the SDK CLI's life. A flavor
 * names the rules of one release range so that a check compares a project's docs against what
 * *its own* CLI would write, not against the newest CLI.
 *
 * Boundaries, from the SDK repository's history (first release containing each change):
 * - 3.2.0  (c195b0b3) entities sorted by resourceName, relationships by _type; de-dup by _type.
 * - 6.14.0 (08e5520e) developer-docs link moved from `blob/master` to `blob/main`.
 * - 6.18.0 (fde080b8) mapped relationships collected (de-dup by _type) and given their own table.
 * - 6.19.0 (bdf8d40d) "created/mapped" wording became "created".
 * - 8.29.0 (176d3811) document passes `duplicateTypes: true`: no de-dup at all.
 * - 8.31.1 (85cf0677) de-dup again: entities by _type, relationships by class/type/source/target
 *   (mapped: plus direction).
 * - 11.0.2 (1270976a, 320fb711) relationships sorted by sourceType, targetType, _class
 *   (mapped: then direction) instead of _type.
 */

/** How repeated metadata from several steps collapses into one row. */
export type DedupeRule =
  /** First occurrence of each `_type` wins, for entities and (mapped) relationships alike. */
  | 'by-type'
  /** Every step's metadata is listed, duplicates included. */
  | 'none'
  /** Entities by `_type`; relationships by `_class:_type:sourceType:targetType` (mapped: `:direction`). */
  | 'by-identity';

/** How relationship rows (plain and mapped) are ordered. Entities always go by resourceName. */
export type RelationshipOrder =
  /** By `_type` only. */
  | 'by-type'
  /** By sourceType, targetType, `_class`; mapped rows then by direction. */
  | 'by-endpoints';

export interface DocumentFlavor {
  /** The lowest SDK CLI version that writes this flavor, for messages. */
  readonly since: string;
  readonly dedupe: DedupeRule;
  readonly relationshipOrder: RelationshipOrder;
  /** Before 6.18.0 mapped relationships were neither collected nor documented. */
  readonly mappedRelationships: boolean;
  /** Sentence under "### Relationships". */
  readonly relationshipsIntro: string;
  /** Branch in the developer-docs link of the generated comment block. */
  readonly docsBranch: 'master' | 'main';
  /**
   * False when the version predates 3.2.0, whose output (unsorted rows, other spacing) we do not
   * reproduce; the nearest flavor is used and callers may say the comparison is approximate.
   */
  readonly exact: boolean;
}

const CREATED = 'The following relationships are created:';
const CREATED_OR_MAPPED = 'The following relationships are created/mapped:';

/** Newest first, so the first flavor whose `since` is <= the version applies. */
const FLAVORS: readonly DocumentFlavor[] = [
  flavor('11.0.2', 'by-identity', 'by-endpoints', true, CREATED, 'main'),
  flavor('8.31.1', 'by-identity', 'by-type', true, CREATED, 'main'),
  flavor('8.29.0', 'none', 'by-type', true, CREATED, 'main'),
  flavor('6.19.0', 'by-type', 'by-type', true, CREATED, 'main'),
  flavor('6.18.0', 'by-type', 'by-type', true, CREATED_OR_MAPPED, 'main'),
  flavor('6.14.0', 'by-type', 'by-type', false, CREATED_OR_MAPPED, 'main'),
  flavor('3.2.0', 'by-type', 'by-type', false, CREATED_OR_MAPPED, 'master'),
];

function flavor(
  since: string,
  dedupe: DedupeRule,
  relationshipOrder: RelationshipOrder,
  mappedRelationships: boolean,
  relationshipsIntro: string,
  docsBranch: 'master' | 'main',
): DocumentFlavor {
  return { since, dedupe, relationshipOrder, mappedRelationships, relationshipsIntro, docsBranch, exact: true };
}

/** The flavor written by the newest SDK CLI. */
export const NEWEST_DOCUMENT_FLAVOR: DocumentFlavor = FLAVORS[0];

/**
 * The flavor a given `@jupiterone/integration-sdk-cli` version writes. An unknown or unparsable
 * version means "newest", since that is what a fresh install would produce.
 */
export function documentFlavorForCliVersion(version: string | undefined): DocumentFlavor {
  const parsed = version === undefined ? undefined : parseVersion(version);
  if (!parsed) return NEWEST_DOCUMENT_FLAVOR;
  for (const candidate of FLAVORS) {
    if (compareVersions(parsed, parseVersion(candidate.since)!) >= 0) return candidate;
  }
  return { ...FLAVORS[FLAVORS.length - 1], exact: false };
}

type Triple = [number, number, number];

/** Reads `major.minor.patch`, ignoring a leading `v` and any prerelease/build suffix. */
export function parseVersion(version: string): Triple | undefined {
  const match = /^\s*v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function compareVersions(a: Triple, b: Triple): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
