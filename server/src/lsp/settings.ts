import { DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings } from '../core';

/** The server's settings, from the client's `integrationLens` configuration section. */
export interface ServerSettings {
  /** When to analyse: on every change of an open document, or only when it is saved. */
  validate: 'onType' | 'onSave';
  /** Push diagnostics wait this long after the last change of a document. */
  debounceMs: number;
  /** Which @jupiterone/data-model judges classes: the project's own version when there is one, or the bundled one. */
  dataModelSource: 'project' | 'bundled';
  /** What the document kinds (question files, context-graph imports) read. */
  documents: DocumentSettings;
}

export function readSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const validate = section.validate === 'onSave' ? 'onSave' : 'onType';
  const debounce = Number(section.debounceMs);
  const dataModel = section.dataModel && typeof section.dataModel === 'object' ? (section.dataModel as Record<string, unknown>).source : section['dataModel.source'];
  return {
    validate,
    debounceMs: Number.isFinite(debounce) && debounce >= 0 && debounce <= 5000 ? debounce : 150,
    dataModelSource: dataModel === 'bundled' ? 'bundled' : 'project',
    documents: readDocumentSettings(section),
  };
}

/** `contextGraph.files` / `contextGraph.baseGraph`, nested (workspace/configuration) or dotted (initialization options). */
function readDocumentSettings(section: Record<string, unknown>): DocumentSettings {
  const nested = section.contextGraph && typeof section.contextGraph === 'object' ? (section.contextGraph as Record<string, unknown>) : {};
  const files = nested.files ?? section['contextGraph.files'];
  const base = nested.baseGraph ?? section['contextGraph.baseGraph'];
  const maxMb = Number(nested.maxFileSizeMB ?? section['contextGraph.maxFileSizeMB']);
  return {
    contextGraphFiles: Array.isArray(files) && files.every((f) => typeof f === 'string') ? files : DEFAULT_DOCUMENT_SETTINGS.contextGraphFiles,
    contextGraphBase: typeof base === 'string' && base.trim() ? base : undefined,
    ...(Number.isFinite(maxMb) && maxMb > 0 ? { contextGraphMaxBytes: maxMb * 1024 * 1024 } : {}),
  };
}
