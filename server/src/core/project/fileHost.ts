import * as fs from 'node:fs';

/**
 * How the core reads files. The CLI reads the disk; the language server overlays open buffers.
 * Implementations never throw: a file that cannot be read is `undefined`.
 */
export interface FileHost {
  readFile(path: string): string | undefined;
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  /** A cheap token that changes when the file's content changes (mtime+size on disk, document version in the editor). */
  version(path: string): string | undefined;
}

export const diskFileHost: FileHost = {
  readFile(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  // throwIfNoEntry: module resolution probes ~10 missing names per import (steps.ts, steps.tsx, ...);
  // a thrown ENOENT costs an Error with its stack each time. Other errors still throw and are caught.
  fileExists(path) {
    try {
      return fs.statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  },
  directoryExists(path) {
    try {
      return fs.statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  },
  version(path) {
    try {
      const stat = fs.statSync(path, { throwIfNoEntry: false });
      return stat ? statVersion(stat) : undefined;
    } catch {
      return undefined;
    }
  },
};

/** A file's version on disk: its modification time and size. */
export function statVersion(stat: fs.Stats): string {
  return `${stat.mtimeMs}:${stat.size}`;
}
