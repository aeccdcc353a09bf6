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
