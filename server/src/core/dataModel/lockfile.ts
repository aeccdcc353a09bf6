import * as path from 'node:path';
import { parseYarnLock } from '../document/lockfiles';
import { parsePnpmLock } from '../document/pnpmLock';
import type { FileHost } from '../project/fileHost';

const CORE = '@jupiterone/integration-sdk-core';
const DATA_MODEL = '@jupiterone/data-model';

/**
 * The data-model versions a project's lockfile resolves for its SDK, when nothing is installed:
 * the version integration-sdk-core's dependency resolves to, else every locked data-model version.
 * Undefined without a lockfile we can read (yarn.lock, package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml).
 */
export function lockedDataModelVersions(projectPath: string, host: FileHost): string[] | undefined {
  for (let dir = path.resolve(projectPath); ; dir = path.dirname(dir)) {
    const yarn = host.readFile(path.join(dir, 'yarn.lock'));
    if (yarn !== undefined) return fromYarnLock(yarn);
    for (const name of ['npm-shrinkwrap.json', 'package-lock.json']) {
      const npm = host.readFile(path.join(dir, name));
      if (npm !== undefined) return fromPackageLock(npm);
    }
    const pnpm = host.readFile(path.join(dir, 'pnpm-lock.yaml'));
    if (pnpm !== undefined) return fromPnpmLock(pnpm);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Yarn 1 and Yarn 2+ lockfiles: the entry core's dependency range leads to, else every data-model entry. */
function fromYarnLock(text: string): string[] | undefined {
  const entries = parseYarnLock(text);
  const dataModels = entries.filter((e) => e.name === DATA_MODEL && e.version);
  if (!dataModels.length) return undefined;
  const fromCores = new Set<string>();
  for (const core of entries.filter((e) => e.name === CORE)) {
    const range = core.dependencies.get(DATA_MODEL);
    const entry = range === undefined ? undefined : dataModels.find((e) => e.ranges.includes(range));
    if (entry?.version) fromCores.add(entry.version);
  }
  return fromCores.size ? [...fromCores] : [...new Set(dataModels.map((e) => e.version!))];
}

/** pnpm-lock.yaml (v5, v6, v9): what core's entries depend on, else every data-model entry. */
function fromPnpmLock(text: string): string[] | undefined {
  const { packages } = parsePnpmLock(text);
  const fromCores = new Set<string>();
  for (const core of packages) {
    if (core.name !== CORE) continue;
    const version = core.dependencies.get(DATA_MODEL);
    if (version) fromCores.add(version);
  }
  if (fromCores.size) return [...fromCores];
  const all = new Set(packages.filter((p) => p.name === DATA_MODEL).map((p) => p.version));
  return all.size ? [...all] : undefined;
}

interface NpmLock {
  packages?: Record<string, { version?: string }>;
  dependencies?: Record<string, { version?: string; dependencies?: NpmLock['dependencies'] }>;
}

/** package-lock.json v2/v3 (`packages`) and v1 (`dependencies`). */
function fromPackageLock(text: string): string[] | undefined {
  let lock: NpmLock;
  try {
    lock = JSON.parse(text) as NpmLock;
  } catch {
    return undefined;
  }
  const found = new Set<string>();
  if (lock.packages) {
    const nested = lock.packages[`node_modules/${CORE}/node_modules/${DATA_MODEL}`]?.version;
    const hoisted = lock.packages[`node_modules/${DATA_MODEL}`]?.version;
    const version = nested ?? hoisted;
    if (version) found.add(version);
  } else if (lock.dependencies) {
    const version = lock.dependencies[CORE]?.dependencies?.[DATA_MODEL]?.version ?? lock.dependencies[DATA_MODEL]?.version;
    if (version) found.add(version);
  }
  return found.size ? [...found] : undefined;
}
