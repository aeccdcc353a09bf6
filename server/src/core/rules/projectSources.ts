import type { IntegrationModel } from '../model/types';
import type { FileHost } from '../project/fileHost';
import { resolveModule } from '../project/resolveModule';

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;
const LIMIT = 2000;

/**
 * The text of every project file the model read or that those files reach through relative imports
 * (helpers and clients the evaluator had no reason to open). For the few rules that must know
 * whether some code anywhere in the integration does something before claiming it does not.
 */
export function projectSources(model: IntegrationModel, host: FileHost, extraRoots: string[] = []): Array<{ file: string; text: string }> {
  const sources: Array<{ file: string; text: string }> = [];
  const queue = [...new Set([...model.files, ...extraRoots])];
  const seen = new Set(queue);
  while (queue.length && seen.size < LIMIT) {
    const file = queue.shift()!;
    const text = host.readFile(file);
    if (text === undefined) continue;
    sources.push({ file, text });
    for (const m of text.matchAll(IMPORT)) {
      if (!m[2].startsWith('.')) continue;
      const target = resolveModule(file, m[2], host);
      if (target.kind === 'file' && !seen.has(target.path) && !target.path.endsWith('.json')) {
        seen.add(target.path);
        queue.push(target.path);
      }
    }
  }
  return sources;
}
