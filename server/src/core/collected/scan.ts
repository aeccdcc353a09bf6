import * as path from 'node:path';
import type { CollectedHost } from './host';
import { parseGraphFile, type ParsedGraphFile } from './graphFile';
import type { CollectionKind } from './types';

const COLLECTIONS: CollectionKind[] = ['entities', 'relationships'];

/** Where a graph file sits: `graph/<stepId>/<entities|relationships>/<name>.json`, or undefined for other files. */
export function graphFileLocation(file: string): { root: string; stepId: string; collection: CollectionKind } | undefined {
  const parts = file.split(/[\\/]/);
  const n = parts.length;
  if (n < 5 || !parts[n - 1].endsWith('.json')) return undefined;
  const collection = parts[n - 2];
  if (parts[n - 4] !== 'graph' || (collection !== 'entities' && collection !== 'relationships')) return undefined;
  return { root: parts.slice(0, n - 4).join(path.sep) || path.sep, stepId: parts[n - 3], collection };
}

/** The graph files of a collection root (`.j1-integration` or a sync snapshot), steps and files in name order. */
export function listGraphFiles(root: string, host: CollectedHost): { file: string; stepId: string; collection: CollectionKind }[] {
  const graph = path.join(root, 'graph');
  const files: { file: string; stepId: string; collection: CollectionKind }[] = [];
  for (const stepId of (host.listDirectory(graph) ?? []).sort()) {
    for (const collection of COLLECTIONS) {
      const dir = path.join(graph, stepId, collection);
      for (const name of (host.listDirectory(dir) ?? []).filter((n) => n.endsWith('.json')).sort()) {
        files.push({ file: path.join(dir, name), stepId, collection });
      }
    }
  }
  return files;
}

/**
 * Visits every graph file of a root, one at a time: only the current file's parse tree is alive, so large graphs
 * cost the records kept by the visitor, not their JSON. The host may overlay open editors.
 */
export function scanGraphFiles(root: string, host: CollectedHost, visit: (file: ParsedGraphFile) => void): void {
  for (const { file, stepId, collection } of listGraphFiles(root, host)) {
    const text = host.readFile(file);
    if (text === undefined) continue; // removed since listed
    visit(parseGraphFile(file, stepId, collection, text));
  }
}
