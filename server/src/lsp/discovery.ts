import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENTRY_CANDIDATES } from '../core/model/findEntry';

/** A folder the analysis can start from: it has one of the entry modules `j1-integration` looks for. */
export function isIntegrationRoot(dir: string): boolean {
  return ENTRY_CANDIDATES.some((c) => fs.existsSync(path.join(dir, c))) && fs.existsSync(path.join(dir, 'package.json'));
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
