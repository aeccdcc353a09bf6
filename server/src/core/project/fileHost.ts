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
  fileExists(path) {
    try {
      return fs.statSync(path).isFile();
    } catch {
      return false;
    }
  },
  directoryExists(path) {
    try {
      return fs.statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  version(path) {
    try {
      const stat = fs.statSync(path);
      return `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return undefined;
    }
  },
};
