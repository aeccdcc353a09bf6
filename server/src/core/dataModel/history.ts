import history from './history.json';
import { bundledDataModel } from './bundled';
import type { DataModelView } from './types';
import { compareVersions, parseVersion } from './versions';

/**
 * What each release of @jupiterone/data-model from 0.2.0 to 0.55.0 defined, generated from the
 * package's git tags by scripts/data-model/history.mjs: projects that lock one of these versions
 * (SDK 5 to 12 did) are judged by their own version even when nothing is installed.
 */
interface History {
  versions: string[];
  /** Class -> [first version with this required set, required properties][]; the first entry is when the class appeared. */
  entityClasses: Record<string, Array<[string, string[]]>>;
  /** Relationship class -> the first version that defines it. */
  relationshipClasses: Record<string, string>;
}

const HISTORY = history as unknown as History;
const FIRST = HISTORY.versions[0];
const LAST = HISTORY.versions[HISTORY.versions.length - 1];

const atOrBefore = (a: string, b: string) => compareVersions(a, b) <= 0;

/** The data model of `version` from the recorded history, when the history covers it. */
export function historicDataModel(version: string): DataModelView | undefined {
  if (!parseVersion(version) || compareVersions(version, FIRST) < 0 || compareVersions(version, LAST) > 0) return undefined;
  const required = (name: string): string[] | undefined => {
    let found: string[] | undefined;
    for (const [since, list] of HISTORY.entityClasses[name] ?? []) if (atOrBefore(since, version)) found = list;
    return found;
  };
  const entityClasses = Object.keys(HISTORY.entityClasses).filter((name) => required(name) !== undefined);
  const relationshipClasses = Object.entries(HISTORY.relationshipClasses).filter(([, since]) => atOrBefore(since, version)).map(([name]) => name);
  return {
    label: `@jupiterone/data-model ${version} (the version the project's lockfile resolves)`,
    version,
    isEntityClass: (name) => required(name) !== undefined,
    isRelationshipClass: (name) => relationshipClasses.includes(name),
    requiredProperties: required,
    entityClasses: () => entityClasses,
    relationshipClasses: () => relationshipClasses,
  };
}

/**
 * A locked version the history does not cover (after 0.55.0) and that is not the bundled one.
 * Classes have only ever been added, so: a class in the last recorded release exists in every later
 * one, and one the bundled (newer) release lacks exists in no earlier one. Anything else, and every
 * required set, is unknown.
 */
export function boundedDataModel(version: string): DataModelView | undefined {
  if (!parseVersion(version) || compareVersions(version, LAST) <= 0) return undefined;
  const bundled = bundledDataModel();
  const last = historicDataModel(LAST)!;
  const bundledIsNewer = bundled.version !== undefined && compareVersions(bundled.version, version) > 0;
  const judge = (inLast: boolean | undefined, inBundled: boolean | undefined): boolean | undefined => {
    if (inLast) return true;
    if (bundledIsNewer && inBundled === false) return false;
    return undefined;
  };
  return {
    label: `@jupiterone/data-model ${version} (the version the project's lockfile resolves)`,
    version,
    isEntityClass: (name) => judge(last.isEntityClass(name), bundled.isEntityClass(name)),
    isRelationshipClass: (name) => judge(last.isRelationshipClass(name), bundled.isRelationshipClass(name)),
    requiredProperties: () => undefined,
    entityClasses: () => last.entityClasses(),
    relationshipClasses: () => last.relationshipClasses(),
  };
}
