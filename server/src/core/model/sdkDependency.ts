import * as path from 'node:path';
import type { FileHost } from '../project/fileHost';
import { isRecord, readJsonObject } from '../project/jsonFile';

const SDK_PACKAGE_PREFIX = '@jupiterone/integration-sdk-';
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies'] as const;

/**
 * Whether the project's package.json depends on a package of the integration SDK; undefined when
 * there is no package.json that can be read as an object. Used to explain a folder that has an
 * index module but is not an integration (a script, a "power up"), rather than only saying what
 * its entry lacks.
 */
export function dependsOnSdk(projectPath: string, host: FileHost): boolean | undefined {
  const manifest = readJsonObject(host, path.join(projectPath, 'package.json'));
  if (!manifest) return undefined;
  return DEPENDENCY_FIELDS.some((field) => {
    const deps = manifest[field];
    return isRecord(deps) && Object.keys(deps).some((name) => name.startsWith(SDK_PACKAGE_PREFIX));
  });
}
