import * as path from 'node:path';
import { collectionRootOf, diskCollectedHost, previewSync, readCollection, type ChangeCounts } from '../../core/collected';
import { EXIT_BAD_INPUT, EXIT_OK } from '../exitCodes';
import type { Output } from '../output';

export interface SyncPreviewOptions {
  projectPath: string;
  snapshot: string;
  format: string;
}

/**
 * `integration-lens sync-preview --snapshot DIR`: what a sync of the project's `.j1-integration` would create, update
 * and delete compared with a snapshot folder (holding `graph/`, as the extension saves after each successful sync).
 */
export function syncPreviewCommand(options: SyncPreviewOptions, output: Output): number {
  const projectPath = path.resolve(options.projectPath);
  const snapshotRoot = path.resolve(options.snapshot);
  const currentRoot = collectionRootOf(projectPath);
  if (!diskCollectedHost.listDirectory(path.join(currentRoot, 'graph'))) {
    output.err(`error: nothing collected in ${currentRoot} (no graph/ folder): run "j1-integration collect" first.`);
    return EXIT_BAD_INPUT;
  }
  if (!diskCollectedHost.listDirectory(path.join(snapshotRoot, 'graph'))) {
    output.err(`error: ${snapshotRoot} is not a sync snapshot (no graph/ folder in it).`);
    return EXIT_BAD_INPUT;
  }
  const preview = previewSync(readCollection(currentRoot, diskCollectedHost), readCollection(snapshotRoot, diskCollectedHost));
  if (options.format === 'json') {
    output.out(JSON.stringify(preview, null, 2));
    return EXIT_OK;
  }
  const cell = (c: ChangeCounts) => `+${c.created} ~${c.updated} -${c.deleted}${c.keptPartial ? ` (kept ${c.keptPartial})` : ''}`;
  const width = Math.max(5, ...preview.types.map((t) => t.type.length));
  output.out(`${'_type'.padEnd(width)}  ${'entities'.padEnd(24)}  relationships`);
  for (const t of preview.types) {
    output.out(`${t.type.padEnd(width)}  ${cell(t.entities).padEnd(24)}  ${cell(t.relationships)}${t.partial ? '  partial: no deletes' : ''}`);
  }
  output.out(`${'total'.padEnd(width)}  ${cell(preview.totals.entities).padEnd(24)}  ${cell(preview.totals.relationships)}`);
  if (preview.incomplete) output.err('warning: some graph files could not be read; the counts miss their objects.');
  if (preview.skipped) output.err(`warning: ${preview.skipped} object(s) without a string _key or _type were left out.`);
  return EXIT_OK;
}
