import * as path from 'node:path';
import type { FileHost } from '../project/fileHost';

/** Where `j1-integration` looks for the module that exports `invocationConfig`, in order. */
export const ENTRY_CANDIDATES = ['index.js', 'index.ts', 'src/index.js', 'src/index.ts'];

/** Existing entry candidates, or the explicit module (a file, or a directory with an index). */
export function entryCandidates(projectPath: string, host: FileHost, module?: string): string[] {
  if (module) {
    const base = path.resolve(projectPath, module);
    if (host.fileExists(base)) return [base];
    for (const ext of ['.ts', '.js', '/index.ts', '/index.js']) if (host.fileExists(base + ext)) return [base + ext];
    return [];
  }
  return ENTRY_CANDIDATES.map((c) => path.join(projectPath, c)).filter((p) => host.fileExists(p));
}
