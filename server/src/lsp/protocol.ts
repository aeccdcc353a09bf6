// Custom LSP messages, declared once for the client and the server.
// Only method names and payload types live here, no jsonrpc runtime: the client and the server are bundled with
// different majors of vscode-jsonrpc (languageclient 11 uses 10, languageserver 10 uses 9), so each side sends or
// handles these through its own library, typed by the declarations below.

/** `integrationLens/status` (client → server, no params): is the server up, which version, and its projects. */
export const StatusRequest = { method: 'integrationLens/status' } as const;

export interface ProjectStatus {
  root: string;
  /** False when no model could be built (the message says why). */
  ok: boolean;
  message?: string;
  steps: number;
  findings: number;
  lastDurationMs: number;
  lastAnalysisAt?: string;
}

export interface StatusResult {
  ok: true;
  /** The extension's version (package.json), which the server is built from. */
  version: string;
  projects: ProjectStatus[];
}

/** `integrationLens/analysisFinished` (server → client notification) after each analysis of a project. */
export const AnalysisFinishedNotification = { method: 'integrationLens/analysisFinished' } as const;
export type AnalysisFinishedParams = ProjectStatus;

/**
 * `integrationLens/model` (client → server): what the client needs of a project's static model to run it and show
 * it, in LSP positions. Without `projectPath`, every project. A project whose model could not be built has `ok` false
 * and empty lists.
 */
export const ModelRequest = { method: 'integrationLens/model' } as const;

export interface ModelParams {
  /** An absolute path inside the project (its root, or a file in it). */
  projectPath?: string;
}

/** A place in a file: absolute path, 0-based line and character (LSP). */
export interface ModelLocation {
  file: string;
  line: number;
  character: number;
}

export interface ModelStep {
  /** Undefined when the id is not statically known. */
  id?: string;
  name?: string;
  location: ModelLocation;
  /** The known step ids it depends on. */
  dependsOn: string[];
}

export interface ModelConfigField {
  name: string;
  /** `mask: true` / false in instanceConfigFields; undefined when absent or not statically known. */
  mask?: boolean;
  /** The field's `mask` could not be determined (treat it as masked). */
  maskUnknown: boolean;
  location: ModelLocation;
}

export interface ProjectModel {
  root: string;
  ok: boolean;
  message?: string;
  entryFile?: string;
  steps: ModelStep[];
  configFields: ModelConfigField[];
  /** False when some steps or config fields could not be determined. */
  complete: boolean;
}

export interface ModelResult {
  projects: ProjectModel[];
}

/**
 * `integrationLens/contextGraphPreview` (client → server): the context graph a Canopsis import would produce,
 * computed by the server from the open document (unsaved edits included) and the configured base graph.
 */
export const ContextGraphPreviewRequest = { method: 'integrationLens/contextGraphPreview' } as const;

export interface ContextGraphPreviewParams {
  uri: string;
}

export type { ContextGraphPreview } from '../core/contextGraph/preview';

export type ContextGraphPreviewResult = { ok: true; preview: import('../core/contextGraph/preview').ContextGraphPreview } | { ok: false; message: string };
