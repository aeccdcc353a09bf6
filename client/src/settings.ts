// The `integrationLens` settings (package.json contributes.configuration) as the server receives them: in
// initializationOptions at start, and afterwards through workspace/configuration when the client announces a change
// of the section (synchronize.configurationSection). Both carry the same shape: the section itself.
import * as vscode from 'vscode';

export const SECTION = 'integrationLens';

export interface ClientSettings {
  validate: 'onType' | 'onSave';
  debounceMs: number;
  dataModel: { source: 'project' | 'bundled' };
  contextGraph: { files?: string[]; baseGraph?: string; maxFileSizeMB?: number };
}

export function readSettings(): ClientSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    validate: config.get<string>('validate') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: config.get<number>('debounceMs', 150),
    dataModel: { source: config.get<string>('dataModel.source') === 'bundled' ? 'bundled' : 'project' },
    contextGraph: {
      files: config.get<string[]>('contextGraph.files'),
      baseGraph: config.get<string>('contextGraph.baseGraph') || undefined,
      maxFileSizeMB: config.get<number>('contextGraph.maxFileSizeMB'),
    },
  };
}
