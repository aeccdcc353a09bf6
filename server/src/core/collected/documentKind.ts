import * as path from 'node:path';
import { projectDataModel } from '../dataModel';
import type { DataModelView } from '../dataModel/types';
import type { DocumentContext, DocumentKind } from '../documents/types';
import type { FileHost } from '../project/fileHost';
import type { Finding } from '../rules/types';
import { readCollection, type CollectedGraph } from './collection';
import { diskCollectedHost, type CollectedHost } from './host';
import { graphFileLocation, listGraphFiles } from './scan';

/** A graph file of a collection written by the SDK: `.j1-integration/graph/<step>/<entities|relationships>/*.json`. */
function collectionRootOfGraphFile(file: string): string | undefined {
  const location = graphFileLocation(file);
  return location && path.basename(location.root) === '.j1-integration' ? location.root : undefined;
}

/** The last collection read per root, with what it was read from: the checks of one file need every file. */
const cache = new Map<string, { key: string; graph: CollectedGraph; byFile: Map<string, Finding[]> }>();

/** The data model that judges entities: the one the editor chose when it has schemas, else the project's own. */
function dataModelFor(root: string, context: DocumentContext): DataModelView {
  const chosen = context.facts?.dataModel as DataModelView | undefined;
  return chosen?.classSchemas ? chosen : projectDataModel(path.dirname(root), context.host);
}

/** Files through the context's host (open buffers first), folders from the disk. */
function hostOf(files: FileHost): CollectedHost {
  return { readFile: (p) => files.readFile(p), listDirectory: (p) => diskCollectedHost.listDirectory(p) };
}

/**
 * The findings of every graph file of the collection `file` belongs to, read again only when a graph file, the
 * summary or the data model changed (the key lists each file with its version).
 */
export function checkedCollection(root: string, context: DocumentContext): { graph: CollectedGraph; byFile: Map<string, Finding[]> } {
  // One context is one pass over files that do not change meanwhile (`check` passes the same context for every
  // file): list and version the collection once per pass, not once per graph file (N files would cost N² stats).
  const passed = passes.get(context)?.get(root);
  if (passed) return passed;
  const entry = checkedCollectionNow(root, context);
  const pass = passes.get(context) ?? new Map<string, CheckedCollection>();
  pass.set(root, entry);
  passes.set(context, pass);
  return entry;
}

type CheckedCollection = { key: string; graph: CollectedGraph; byFile: Map<string, Finding[]> };
const passes = new WeakMap<DocumentContext, Map<string, CheckedCollection>>();

function checkedCollectionNow(root: string, context: DocumentContext): CheckedCollection {
  const host = hostOf(context.host);
  const dataModel = dataModelFor(root, context);
  const files = listGraphFiles(root, host).map((f) => f.file);
  const summary = path.join(root, 'summary.json');
  const key = [dataModel.label, ...[summary, ...files].map((f) => `${f}\0${context.host.version(f) ?? ''}`)].join('\n');
  const cached = cache.get(root);
  if (cached?.key === key) return cached;
  const graph = readCollection(root, host, { dataModel });
  const byFile = new Map<string, Finding[]>();
  for (const finding of graph.findings) {
    const list = byFile.get(finding.range.file) ?? [];
    list.push(finding);
    byFile.set(finding.range.file, list);
  }
  const entry = { key, graph, byFile };
  cache.set(root, entry);
  return entry;
}

/** Collected graph files as a document kind: the collection's checks, shown on the file each finding is in. */
export const collectedGraphKind: DocumentKind = {
  id: 'collected-graph',
  claims: (file) => collectionRootOfGraphFile(file) !== undefined,
  check(file, _text, context) {
    const root = collectionRootOfGraphFile(file);
    if (!root) return [];
    return checkedCollection(root, context).byFile.get(file) ?? [];
  },
  discover: () => ['**/.j1-integration/graph/*/entities/*.json', '**/.j1-integration/graph/*/relationships/*.json'],
};
