// Custom LSP messages, declared once for the client and the server.
// Only method names and payload types live here, no jsonrpc runtime: the client and the server are bundled with
// different majors of vscode-jsonrpc (languageclient 11 uses 10, languageserver 10 uses 9), so each side sends or
// handles these through its own library, typed by the declarations below.

import type { GraphData, GraphKind } from '../core/views/graphData';
import type { SyncPreview } from '../core/collected/syncPreview';

/** `integrationLens/status` (client → server, no params): is the server up, which version, and its projects. */
export const StatusRequest = { method: 'integrationLens/status' } as const;

export interface ProjectStatus {
  root: string;
  /** False when no model could be built (the message says why). */
  ok: boolean;
  message?: string;
  steps: number;
  findings: number;
  /** True while the findings still lack those that need handler effects (the first analysis completes them next). */
  partial: boolean;
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

// ---- Run and see: the Steps view, the graph webviews and the sync preview. The client shows these; it computes none.

export type { GraphData, GraphEdge, GraphKind, GraphNode } from '../core/views/graphData';
export type { ChangeCounts, SyncPreview, TypePreview } from '../core/collected/syncPreview';

/** An LSP location, spelled out so the client needs no server types. */
export interface ViewLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** `integrationLens/runView` (client → server): the steps of each project with their last results. */
export const RunViewRequest = { method: 'integrationLens/runView' } as const;
export interface RunViewParams {
  /** One project (its root); all projects when absent. */
  root?: string;
}

export interface RunViewStepResult {
  /** success, failure, partial_success_due_to_dependency_failure, disabled, cached (or whatever the SDK wrote). */
  status?: string;
  encounteredTypes: string[];
  encounteredTypeCounts: Record<string, number>;
  partialTypes: string[];
  /** Encountered but not declared by the step in the static model (the SDK warns "Undeclared types were detected."). */
  undeclaredTypes: string[];
  /** Declared in the static model but not encountered in this collection. */
  notEncounteredTypes: string[];
}

export interface RunViewStep {
  id: string;
  name?: string;
  dependsOn: string[];
  dependencyGraphId?: string;
  declaredTypes: string[];
  /** False when the step's metadata is partly unknown to the static analysis. */
  complete: boolean;
  location: ViewLocation;
  /** From `.j1-integration/summary.json`; absent when the last collection did not include this step. */
  result?: RunViewStepResult;
}

export interface CollectedCheck {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  location: ViewLocation;
}

export interface RunViewProject {
  root: string;
  /** False when no model could be built (the message says why). */
  ok: boolean;
  message?: string;
  /** In the order the runtime runs them. */
  steps: RunViewStep[];
  /** Why `steps` is in declaration order: the runtime's own error (cycle, unknown dependsOn). */
  orderProblem?: string;
  collected: {
    /** Absolute path of `.j1-integration`. */
    root: string;
    /** Whether `summary.json` was found and read. */
    hasSummary: boolean;
    entities: number;
    relationships: number;
    /** Step ids of the summary that the static model does not know. */
    unknownSteps: string[];
    /** The collected-data checks, at most `CHECKS_LIMIT` of them (`checksTotal` says how many there are). */
    checks: CollectedCheck[];
    checksTotal: number;
  };
}

export const CHECKS_LIMIT = 200;

export interface RunViewResult {
  projects: RunViewProject[];
}

/** `integrationLens/graph` (client → server): one of the three graphs of a project. */
export const GraphRequest = { method: 'integrationLens/graph' } as const;
export interface GraphParams {
  root: string;
  kind: GraphKind;
}
export type GraphResult = GraphData | null;

/** `integrationLens/collectedObject` (client → server): one collected entity's JSON, masked values hidden. */
export const CollectedObjectRequest = { method: 'integrationLens/collectedObject' } as const;
export interface CollectedObjectParams {
  root: string;
  key: string;
}
export type CollectedObjectResult = { text: string; location: ViewLocation } | null;

/** `integrationLens/syncPreview` (client → server): what a sync would change compared with a snapshot folder. */
export const SyncPreviewRequest = { method: 'integrationLens/syncPreview' } as const;
export interface SyncPreviewParams {
  root: string;
  /** A folder holding `graph/` (and `snapshot.json`) as the extension saves after each successful sync. */
  snapshot: string;
}
export type SyncPreviewResult = (SyncPreview & { snapshot: string; snapshotInfo?: Record<string, unknown> }) | null;

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
