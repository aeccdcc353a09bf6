import * as path from 'node:path';
import type { FileHost } from '../project/fileHost';

const CORE = '@jupiterone/integration-sdk-core';
const DATA_MODEL = '@jupiterone/data-model';

/** Node's lookup of `name` from `dir`: `dir/node_modules/name`, then each parent folder's. */
function findPackageUpward(dir: string, name: string, host: FileHost): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, 'node_modules', name);
    if (host.fileExists(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * The data-model package the project's SDK uses, if installed. createIntegrationEntity and
 * createDirectRelationship live in integration-sdk-core, so the copy that counts is the one Node
 * resolves from there (core may carry its own nested copy); without core, the project's own.
 */
export function findInstalledDataModel(projectPath: string, host: FileHost): string | undefined {
  const core = findPackageUpward(projectPath, CORE, host);
  if (core) {
    const fromCore = findPackageUpward(core, DATA_MODEL, host);
    if (fromCore) return fromCore;
  }
  return findPackageUpward(projectPath, DATA_MODEL, host);
}
