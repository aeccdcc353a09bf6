// Saves what a successful sync uploaded (see snapshotLocation.ts). Node only.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { snapshotDirectory, type SyncSnapshotManifest } from './snapshotLocation';

/**
 * Copies `<project>/.j1-integration/graph` to the project's snapshot folder, replacing the previous snapshot, and
 * writes its manifest. The copy is built beside the old one and swapped in, so a reader never sees half a snapshot
 * (the manifest is written last). Returns the snapshot folder.
 */
export async function saveSyncSnapshot(globalStoragePath: string, manifest: SyncSnapshotManifest): Promise<string> {
  const source = path.join(manifest.projectPath, '.j1-integration', 'graph');
  const target = snapshotDirectory(globalStoragePath, manifest.projectPath);
  const staging = `${target}.staging-${process.pid}-${Date.now()}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true });
  try {
    await fs.cp(source, path.join(staging, 'graph'), { recursive: true });
    await fs.writeFile(path.join(staging, 'snapshot.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(staging, target);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  return target;
}
