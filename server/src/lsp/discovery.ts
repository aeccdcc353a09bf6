import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENTRY_CANDIDATES } from '../core/model/findEntry';

const SDK_CORE = '@jupiterone/integration-sdk-core';
const MAX_READ = 256 * 1024;

function readSmall(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size <= MAX_READ ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A folder the analysis can start from: a package.json, one of the entry modules `j1-integration`
 * looks for, and the same evidence the client activates on: a dependency on the SDK core, or an
 * entry that mentions `invocationConfig`. A plain TypeScript project with src/index.ts is not one.
 */
export function isIntegrationRoot(dir: string): boolean {
  const pkg = readSmall(path.join(dir, 'package.json'));
  if (pkg === undefined) return false;
  const entries = ENTRY_CANDIDATES.map((c) => path.join(dir, c)).filter((f) => fs.existsSync(f));
  if (!entries.length) return false;
  if (pkg.includes(`"${SDK_CORE}"`)) return true;
  return entries.some((f) => readSmall(f)?.includes('invocationConfig'));
}

/** Integration roots in a workspace folder: the folder itself, or its packages (monorepos), two levels deep at most. */
export function findIntegrationRoots(folder: string): string[] {
  if (isIntegrationRoot(folder)) return [folder];
  const roots: string[] = [];
  const visit = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = path.join(dir, entry.name);
      if (isIntegrationRoot(child)) roots.push(child);
      else if (depth > 1) visit(child, depth - 1);
    }
  };
  visit(folder, 2);
  return roots;
}

/** The nearest integration root above a file, not above `limit` (a workspace folder). */
export function integrationRootOf(file: string, limits: string[]): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (isIntegrationRoot(dir)) return dir;
    if (limits.includes(dir) || path.dirname(dir) === dir) return undefined;
  }
}
