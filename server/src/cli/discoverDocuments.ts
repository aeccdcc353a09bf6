import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCUMENT_KINDS, documentKindOf, matchesGlobs, type DocumentKind, type DocumentSettings, type FileHost } from '../core';

/** Folders that never hold the user's own files. */
const SKIPPED = new Set(['node_modules', '.git', '.j1-integration-cache']);

export interface DiscoveredDocument {
  file: string;
  text: string;
  kind: DocumentKind;
}

/** Files of the document kinds under the project (question files, context-graph imports), in path order. */
export function discoverDocuments(
  projectPath: string,
  host: FileHost,
  settings: DocumentSettings,
  kinds: readonly DocumentKind[] = DOCUMENT_KINDS,
): DiscoveredDocument[] {
  const globs = [...new Set(kinds.flatMap((k) => k.discover(settings)))];
  if (!globs.length) return [];
  const files = walk(projectPath).filter((f) => matchesGlobs(f, projectPath, globs)).sort();
  const found: DiscoveredDocument[] = [];
  for (const file of files) {
    const text = host.readFile(file);
    if (text === undefined) continue;
    const kind = documentKindOf(file, text, { root: projectPath, settings }, kinds);
    if (kind) found.push({ file, text, kind });
  }
  return found;
}

/** Every file under `dir` (symbolic links not followed, so no loops), skipping dependency and VCS folders. */
function walk(dir: string): string[] {
  const files: string[] = [];
  const pending = [dir];
  while (pending.length) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) pending.push(full);
      } else if (entry.isFile()) files.push(full);
    }
  }
  return files;
}
