import * as fs from 'node:fs';
import { diskFileHost, statVersion, type FileHost } from './fileHost';

interface Entry {
  kind: 'file' | 'directory' | 'other' | 'missing';
  version: string | undefined;
}

/**
 * The disk as one run sees it: each path is stat'ed once, and every later question about it (does it exist,
 * is it a directory, what is its version) is answered from that. A one-shot command (the CLI) asks about each
 * project file three times (module resolution, the parse-ahead, the module load) and probes the same missing
 * names from many importers; files do not change under it in a way it could follow anyway. The language server
 * never uses this: it must see every edit.
 */
export function snapshotFileHost(): FileHost {
  const entries = new Map<string, Entry>();
  const entry = (path: string): Entry => {
    let found = entries.get(path);
    if (!found) {
      found = statEntry(path);
      entries.set(path, found);
    }
    return found;
  };
  return {
    // Read once per file anyway (the parse cache keeps the text): nothing to remember.
    readFile: (path) => diskFileHost.readFile(path),
    fileExists: (path) => entry(path).kind === 'file',
    directoryExists: (path) => entry(path).kind === 'directory',
    version: (path) => entry(path).version,
  };
}

function statEntry(path: string): Entry {
  try {
    // throwIfNoEntry: resolution probes ~10 missing names per import; a thrown ENOENT costs an Error with its stack.
    const stat = fs.statSync(path, { throwIfNoEntry: false });
    if (!stat) return { kind: 'missing', version: undefined };
    return { kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other', version: statVersion(stat) };
  } catch {
    return { kind: 'missing', version: undefined };
  }
}
