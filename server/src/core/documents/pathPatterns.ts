import * as path from 'node:path';
import picomatch from 'picomatch';

const matchers = new Map<string, (p: string) => boolean>();

/** Whether `file` (absolute) matches one of the globs, taken relative to `root`; files outside `root` never match. */
export function matchesGlobs(file: string, root: string, globs: readonly string[]): boolean {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const posix = rel.split(path.sep).join('/');
  return globs.some((glob) => {
    let match = matchers.get(glob);
    if (!match) {
      match = picomatch(glob, { dot: true });
      matchers.set(glob, match);
    }
    return match(posix);
  });
}
