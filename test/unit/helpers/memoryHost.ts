import * as path from 'node:path';
import type { FileHost } from '../../../server/src/core';

/** A project held in memory: `files` maps paths relative to `root` to their text. */
export function memoryHost(root: string, files: Record<string, string>): FileHost {
  const abs = new Map(Object.entries(files).map(([rel, text]) => [path.join(root, rel), text]));
  const dirs = new Set<string>([root]);
  for (const file of abs.keys()) {
    for (let d = path.dirname(file); d.startsWith(root) && !dirs.has(d); d = path.dirname(d)) dirs.add(d);
  }
  return {
    readFile: (p) => abs.get(p),
    fileExists: (p) => abs.has(p),
    directoryExists: (p) => dirs.has(p),
    version: (p) => (abs.has(p) ? String(abs.get(p)!.length) : undefined),
  };
}

/** A memory host whose files can be edited, as an editor's buffers are; `edit` returns the file's absolute path. */
export function editableHost(root: string, files: Record<string, string>): FileHost & { edit(rel: string, text: string): string } {
  const base = memoryHost(root, files);
  const edited = new Map<string, string>();
  const versions = new Map<string, number>();
  return {
    ...base,
    readFile: (p) => edited.get(p) ?? base.readFile(p),
    version: (p) => (versions.has(p) ? `edited:${versions.get(p)}` : base.version(p)),
    edit(rel, text) {
      const file = path.join(root, rel);
      edited.set(file, text);
      versions.set(file, (versions.get(file) ?? 0) + 1);
      return file;
    },
  };
}
