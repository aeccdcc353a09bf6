import * as path from 'node:path';
import type { FileHost } from '../project/fileHost';
import { bundledDataModel } from './bundled';
import { boundedDataModel, historicDataModel } from './history';
import { readInstalledDataModel } from './installed';
import { findInstalledDataModel } from './locate';
import { lockedDataModelVersions } from './lockfile';
import type { DataModelView } from './types';

export type { DataModelView } from './types';
export { bundledDataModel, BUNDLED_DATA_MODEL_VERSION } from './bundled';

/** Installed packages read so far, per host: reading ~100 schema files once per rule run would add up in the editor. */
const installedCache = new WeakMap<FileHost, Map<string, DataModelView | undefined>>();

/**
 * The data model the project's SDK uses, the way the SDK would load it:
 * 1. the copy installed for integration-sdk-core (node_modules, searching upward), read as JSON;
 * 2. else the version the lockfile resolves: the bundled one if it is that version, the recorded
 *    history for 0.2.0..0.55.0, and only what is certain for other versions;
 * 3. else (nothing installed, no lockfile) the bundled one.
 * An installed copy whose layout we cannot read gives a view that knows nothing: silence, not a guess.
 */
export function projectDataModel(projectPath: string, host: FileHost): DataModelView {
  const installed = findInstalledDataModel(projectPath, host);
  if (installed) {
    const manifest = path.join(installed, 'package.json');
    // The manifest's text names the version; its host version token catches a reinstall of the same one.
    const key = `${installed}\0${host.version(manifest) ?? ''}\0${host.readFile(manifest) ?? ''}`;
    let cache = installedCache.get(host);
    if (!cache) installedCache.set(host, (cache = new Map()));
    if (!cache.has(key)) cache.set(key, readInstalledDataModel(installed, host));
    return cache.get(key) ?? unknownDataModel(`the @jupiterone/data-model installed at ${installed}, whose layout Integration Lens cannot read`);
  }
  const locked = lockedDataModelVersions(projectPath, host);
  if (!locked?.length) return bundledDataModel();
  const views = locked.map((version) => (version === bundledDataModel().version ? bundledDataModel() : historicDataModel(version) ?? boundedDataModel(version)));
  if (views.some((v) => !v)) return unknownDataModel(`@jupiterone/data-model ${locked.join(', ')}`);
  return views.length === 1 ? views[0]! : agreement(views as DataModelView[]);
}

/** A view that cannot tell anything. */
function unknownDataModel(label: string): DataModelView {
  return {
    label,
    isEntityClass: () => undefined,
    isRelationshipClass: () => undefined,
    requiredProperties: () => undefined,
    entityClasses: () => [],
    relationshipClasses: () => [],
  };
}

/** Several locked versions: an answer holds only when every version gives it. */
function agreement(views: DataModelView[]): DataModelView {
  const same = <T>(answers: T[]): T | undefined => (answers.every((a) => JSON.stringify(a) === JSON.stringify(answers[0])) ? answers[0] : undefined);
  return {
    label: `@jupiterone/data-model ${views.map((v) => v.version).join(' and ')} (the versions the project's lockfile resolves)`,
    isEntityClass: (name) => same(views.map((v) => v.isEntityClass(name))),
    isRelationshipClass: (name) => same(views.map((v) => v.isRelationshipClass(name))),
    requiredProperties: (name) => same(views.map((v) => v.requiredProperties(name))),
    entityClasses: () => views[0].entityClasses(),
    relationshipClasses: () => views[0].relationshipClasses(),
  };
}
