import * as fs from 'node:fs';

/**
 * How the collected-data readers reach the disk: read a file, list a folder. Implementations never throw.
 * (The project FileHost cannot list folders, and the graph folder is known only by listing it.)
 */
export interface CollectedHost {
  readFile(path: string): string | undefined;
  /** Entry names of a folder, or undefined when it is not one. */
  listDirectory(path: string): string[] | undefined;
}

export const diskCollectedHost: CollectedHost = {
  readFile(path) {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  listDirectory(path) {
    try {
      return fs.readdirSync(path);
    } catch {
      return undefined;
    }
  },
};
