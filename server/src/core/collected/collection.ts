import * as path from 'node:path';
import type { DataModelView } from '../dataModel/types';
import type { Finding } from '../rules/types';
import { checkRelationshipEndpoints } from './danglingRelationship';
import { checkDuplicateKeys } from './duplicateKey';
import { checkEntitySchemas } from './entitySchema';
import type { CollectedHost } from './host';
import { scanGraphFiles } from './scan';
import { readSummary } from './summary';
import type { CollectionSummary, EntityRecord, RelationshipRecord } from './types';

/** What a collection root (`.j1-integration`, or a sync snapshot) holds, read file by file. */
export interface CollectedGraph {
  root: string;
  summary?: CollectionSummary;
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  /** Graph files read (or attempted). */
  files: number;
  /** Files whose content could not be read as a graph file: counts built from the rest are incomplete. */
  unreadableFiles: number;
  findings: Finding[];
}

export interface ReadCollectionOptions {
  /** Judge entities against this data model's class schemas; without it no schema check. */
  dataModel?: DataModelView;
}

/** The collection root of a project: `<project>/.j1-integration`. */
export function collectionRootOf(projectPath: string): string {
  return path.join(projectPath, '.j1-integration');
}

/**
 * Reads and checks a collection: malformed files, duplicate keys, relationship endpoints that name no collected
 * entity, entities that fail their class schemas. Never throws on bad content: every problem is a finding.
 */
export function readCollection(root: string, host: CollectedHost, options: ReadCollectionOptions = {}): CollectedGraph {
  const { summary, findings } = readSummary(root, host);
  const graph: CollectedGraph = { root, summary, entities: [], relationships: [], files: 0, unreadableFiles: 0, findings };
  let entityFilesUnreadable = false;
  scanGraphFiles(root, host, (parsed) => {
    graph.files++;
    if (parsed.findings.length) {
      graph.unreadableFiles++;
      if (parsed.collection === 'entities') entityFilesUnreadable = true;
      graph.findings.push(...parsed.findings);
    }
    graph.entities.push(...parsed.entities);
    graph.relationships.push(...parsed.relationships);
    if (options.dataModel && parsed.entityObjects.length) graph.findings.push(...checkEntitySchemas(parsed, options.dataModel));
  });
  graph.findings.push(...checkDuplicateKeys([...graph.entities, ...graph.relationships]));
  // With an entity file unreadable, a missing endpoint may be in it: say nothing rather than guess.
  if (!entityFilesUnreadable) {
    const keys = new Set<string>();
    for (const e of graph.entities) if (e.key !== undefined) keys.add(e.key);
    graph.findings.push(...checkRelationshipEndpoints(graph.relationships, keys));
  }
  return graph;
}
