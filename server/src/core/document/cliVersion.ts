import * as path from 'node:path';
import type { FileHost } from '../project/fileHost';
import { isRecord, readJsonObject } from '../project/jsonFile';
import { compareVersions, parseVersion } from './flavor';
import { packageLockVersion, parseYarnLock, type YarnLockEntry } from './lockfiles';
import { parsePnpmLock, type PnpmLock } from './pnpmLock';
import { lowestVersionInRange } from './semverRange';

const CLI = '@jupiterone/integration-sdk-cli';
/** dev-tools X.Y.Z depends on `@jupiterone/integration-sdk-cli: ^X.Y.Z` in every release. */
const DEV_TOOLS = '@jupiterone/integration-sdk-dev-tools';

export interface SdkCliVersion {
  /** `major.minor.patch`. */
  version: string;
  /** Where it was read, relative to the project, for messages: `yarn.lock`, `package.json (…)`. */
  source: string;
}

/**
 * Which `j1-integration` the project runs, best evidence first: the installed package, the
 * lockfile's resolution, then the lowest version package.json allows. Looks upward from the
 * project for node_modules and lockfiles, since workspaces hoist both to their root.
 */
export function detectSdkCliVersion(projectPath: string, host: FileHost): SdkCliVersion | undefined {
  const ranges = directRanges(projectPath, host);
  return installedVersion(projectPath, host) ?? lockedVersion(projectPath, host, ranges) ?? declaredVersion(ranges);
}

function installedVersion(projectPath: string, host: FileHost): SdkCliVersion | undefined {
  for (const dir of selfAndAncestors(projectPath)) {
    const file = path.join(dir, 'node_modules', CLI, 'package.json');
    const version = readJsonObject(host, file)?.version;
    if (typeof version === 'string' && parseVersion(version)) return { version, source: relative(projectPath, file) };
  }
  return undefined;
}

function lockedVersion(projectPath: string, host: FileHost, ranges: DirectRanges): SdkCliVersion | undefined {
  // The nearest folder with a lockfile is the install root; stop there even if it names no CLI.
  for (const dir of selfAndAncestors(projectPath)) {
    const yarnLockPath = path.join(dir, 'yarn.lock');
    const packageLockPath = path.join(dir, 'package-lock.json');
    const pnpmLockPath = path.join(dir, 'pnpm-lock.yaml');
    const yarnLock = host.readFile(yarnLockPath);
    const packageLock = host.readFile(packageLockPath);
    const pnpmLock = yarnLock === undefined && packageLock === undefined ? host.readFile(pnpmLockPath) : undefined;
    if (yarnLock === undefined && packageLock === undefined && pnpmLock === undefined) continue;
    if (yarnLock !== undefined) {
      const version = versionFromYarnLock(parseYarnLock(yarnLock), ranges);
      if (version) return { version, source: relative(projectPath, yarnLockPath) };
    }
    if (packageLock !== undefined) {
      const projectDir = path.relative(dir, projectPath).split(path.sep).join('/');
      const version = packageLockVersion(packageLock, CLI, projectDir);
      if (version && parseVersion(version)) return { version, source: relative(projectPath, packageLockPath) };
    }
    if (pnpmLock !== undefined) {
      const importer = path.relative(dir, projectPath).split(path.sep).join('/') || '.';
      const version = versionFromPnpmLock(parsePnpmLock(pnpmLock), importer);
      if (version) return { version, source: relative(projectPath, pnpmLockPath) };
    }
    return undefined;
  }
  return undefined;
}

/** A yarn.lock may hold several CLI versions; pick the one the project's own ranges lead to. */
function versionFromYarnLock(entries: YarnLockEntry[], ranges: DirectRanges): string | undefined {
  const clis = entries.filter((e) => e.name === CLI && e.version !== undefined && parseVersion(e.version));
  const forRange = (name: string, range: string | undefined) =>
    range === undefined ? undefined : entries.find((e) => e.name === name && e.ranges.includes(range));
  const direct = forRange(CLI, ranges.cli?.range);
  if (direct?.version) return direct.version;
  const devTools = forRange(DEV_TOOLS, ranges.devTools?.range);
  const viaDevTools = forRange(CLI, devTools?.dependencies.get(CLI));
  if (viaDevTools?.version) return viaDevTools.version;
  // Otherwise the highest, which is the one a hoisting install most likely put on top.
  return clis
    .map((e) => e.version!)
    .sort((a, b) => compareVersions(parseVersion(b)!, parseVersion(a)!))[0];
}

/**
 * The CLI pnpm installed for the project's importer: a direct dependency, else the one its
 * dev-tools depends on, else the highest locked (a project outside the lockfile's importers).
 */
function versionFromPnpmLock(lock: PnpmLock, importer: string): string | undefined {
  const direct = lock.importers.get(importer);
  const cli = direct?.get(CLI);
  if (cli && parseVersion(cli)) return cli;
  const devTools = direct?.get(DEV_TOOLS);
  const viaDevTools = devTools === undefined ? undefined : lock.packages.find((p) => p.name === DEV_TOOLS && p.version === devTools)?.dependencies.get(CLI);
  if (viaDevTools && parseVersion(viaDevTools)) return viaDevTools;
  return lock.packages
    .filter((p) => p.name === CLI && parseVersion(p.version))
    .map((p) => p.version)
    .sort((a, b) => compareVersions(parseVersion(b)!, parseVersion(a)!))[0];
}

function declaredVersion(ranges: DirectRanges): SdkCliVersion | undefined {
  for (const declared of [ranges.cli, ranges.devTools]) {
    if (!declared) continue;
    // dev-tools X.Y.Z requires CLI ^X.Y.Z, so its lowest version is also the CLI's lowest.
    const version = lowestVersionInRange(declared.range);
    if (version) {
      const source = `package.json (${declared.field} "${declared.name}": "${declared.range}", lowest allowed)`;
      return { version, source };
    }
  }
  return undefined;
}

interface DirectRange {
  name: string;
  range: string;
  field: 'devDependencies' | 'dependencies';
}

interface DirectRanges {
  cli?: DirectRange;
  devTools?: DirectRange;
}

function directRanges(projectPath: string, host: FileHost): DirectRanges {
  const pkg = readJsonObject(host, path.join(projectPath, 'package.json'));
  const find = (name: string): DirectRange | undefined => {
    for (const field of ['devDependencies', 'dependencies'] as const) {
      const deps = pkg?.[field];
      const range = isRecord(deps) ? deps[name] : undefined;
      if (typeof range === 'string') return { name, range, field };
    }
    return undefined;
  };
  return { cli: find(CLI), devTools: find(DEV_TOOLS) };
}

function selfAndAncestors(start: string): string[] {
  const dirs: string[] = [];
  let dir = path.resolve(start);
  for (;;) {
    dirs.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) return dirs;
    dir = parent;
  }
}

function relative(projectPath: string, file: string): string {
  return path.relative(path.resolve(projectPath), file).split(path.sep).join('/');
}
