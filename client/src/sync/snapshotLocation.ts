// Where the extension keeps the snapshot of a project's last successful sync (the "sync preview" compares the
// current collection with it). Shared by the task that writes it and the views that read it. Pure.
//
//   <globalStorage>/sync-snapshots/<sha1 of the absolute project path>/graph/      a verbatim copy of
//                                                                                   <project>/.j1-integration/graph
//   <globalStorage>/sync-snapshots/<sha1 of the absolute project path>/snapshot.json   SyncSnapshotManifest
import { createHash } from 'node:crypto';
import * as path from 'node:path';

export interface SyncSnapshotManifest {
  /** The absolute project path the snapshot belongs to. */
  projectPath: string;
  /** When the sync finished (ISO 8601). */
  syncedAt: string;
  /** The CLI command that uploaded: `sync` or `run`. */
  command: 'sync' | 'run';
  integrationInstanceId?: string;
}

export const SNAPSHOTS_FOLDER = 'sync-snapshots';

/** The snapshot folder of a project; `globalStoragePath` is `context.globalStorageUri.fsPath`. */
export function snapshotDirectory(globalStoragePath: string, projectPath: string): string {
  const key = createHash('sha1').update(path.resolve(projectPath)).digest('hex');
  return path.join(globalStoragePath, SNAPSHOTS_FOLDER, key);
}

export function snapshotGraphDirectory(globalStoragePath: string, projectPath: string): string {
  return path.join(snapshotDirectory(globalStoragePath, projectPath), 'graph');
}

export function snapshotManifestPath(globalStoragePath: string, projectPath: string): string {
  return path.join(snapshotDirectory(globalStoragePath, projectPath), 'snapshot.json');
}
