// The language server process. It only schedules analyses and translates between LSP and the analysis core;
// no analysis happens in this file. VS Code starts it over IPC (--node-ipc); other editors and tests over stdio.
import * as path from 'node:path';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { diskFileHost, onQueryError, type Finding } from './core';
import { quickFixes, toDiagnostic } from './lsp/diagnostics';
import { registerFeatures } from './lsp/features';
import { findIntegrationRoots, integrationRootOf } from './lsp/discovery';
import { registerContextGraphPreview } from './lsp/contextGraphPreview';
import { DocumentKindService } from './lsp/documentKinds';
import { OverlayHost, pathOf } from './lsp/overlayHost';
import { PositionMapper } from './lsp/positions';
import { ProjectSession } from './lsp/projectSession';
import { projectModel } from './lsp/modelRequest';
import { AnalysisFinishedNotification, ModelRequest, StatusRequest, type ModelParams, type ModelResult, type ProjectStatus, type StatusResult } from './lsp/protocol';
import { readSettings, type ServerSettings } from './lsp/settings';
import { registerViewRequests } from './lsp/views';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const host = new OverlayHost(documents);
const positions = new PositionMapper(host);
const sessions: ProjectSession[] = [];
let workspaceRoots: string[] = [];
let pullDiagnostics = false;
let canRefreshDiagnostics = false;
let canWatchFiles = false;
let canReadConfiguration = false;
let definitionLinks = false;
let settings: ServerSettings = readSettings(undefined);
const kinds = new DocumentKindService({
  host,
  workspaceRoots: () => workspaceRoots,
  settings: () => settings.documents,
  sessionFor: (file) => sessionFor(file),
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  canRefreshDiagnostics = !!caps.workspace?.diagnostics?.refreshSupport;
  canWatchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canReadConfiguration = !!caps.workspace?.configuration;
  definitionLinks = !!caps.textDocument?.definition?.linkSupport;
  settings = readSettings(params.initializationOptions);
  const folders = params.workspaceFolders?.map((f) => pathOf(f.uri)) ?? [params.rootUri ? pathOf(params.rootUri) : params.rootPath ?? undefined];
  workspaceRoots = folders.filter((f): f is string => !!f);
  for (const folder of workspaceRoots) for (const root of findIntegrationRoots(folder)) addSession(root);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false, identifier: 'integration-lens' } } : {}),
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      completionProvider: { triggerCharacters: ["'", '"', '`', '.'] },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'integration-lens', version },
  };
});

connection.onInitialized(() => {
  connection.console.info(`Integration Lens server ${version} on Node ${process.version}: ${sessions.length} integration project(s), ${pullDiagnostics ? 'pull' : 'push'} diagnostics`);
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: '**/*.{ts,tsx,js,jsx,mjs,cjs,json,yaml,yml,j1ql}' },
        { globPattern: '**/.env' },
        { globPattern: '**/{yarn.lock,package-lock.json}' },
        { globPattern: '**/node_modules/@jupiterone/data-model/package.json' },
      ],
    });
  }
  if (canReadConfiguration) void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  try {
    settings = readSettings(await connection.workspace.getConfiguration('integrationLens'));
  } catch {
    // Clients without the section keep the defaults.
  }
}

connection.onDidChangeConfiguration(async () => {
  if (canReadConfiguration) await refreshSettings();
  for (const session of sessions) {
    session.dataModelSource = settings.dataModelSource;
    session.structureChanged();
  }
  requestRefresh();
});

/** The project a file belongs to: a known one, or the nearest integration root above it inside the workspace. */
function sessionFor(file: string): ProjectSession | undefined {
  const known = sessions.filter((s) => s.contains(file)).sort((a, b) => b.root.length - a.root.length)[0];
  if (known) return known;
  const root = integrationRootOf(file, workspaceRoots);
  if (!root) return undefined;
  return addSession(root);
}

function addSession(root: string): ProjectSession {
  const session = new ProjectSession(root, host);
  session.dataModelSource = settings.dataModelSource;
  sessions.push(session);
  return session;
}

function statusOf(session: ProjectSession): ProjectStatus {
  const analysis = session.analysis;
  const failed = !analysis || 'kind' in analysis;
  return {
    root: session.root,
    ok: !failed,
    message: analysis && 'kind' in analysis ? analysis.message : undefined,
    steps: analysis && !('kind' in analysis) ? analysis.model.steps.items.length : 0,
    findings: session.findings.length,
    partial: session.findingsPartial,
    lastDurationMs: Math.round(session.lastDurationMs * 10) / 10,
    lastAnalysisAt: session.lastAnalysisAt?.toISOString(),
  };
}

function analyze(session: ProjectSession): void {
  if (!session.isStale) return;
  session.ensure();
  void connection.sendNotification(AnalysisFinishedNotification.method, statusOf(session));
  if (!session.findingsPartial) return;
  // A client that pulls and cannot be asked to pull again would keep the partial result: complete it now.
  if (pullDiagnostics && !canRefreshDiagnostics) {
    session.completeFindings();
    return;
  }
  // A timer, not setImmediate: the quick result must reach the client before the long pass blocks the loop.
  setTimeout(() => {
    if (!session.completeFindings()) return;
    void connection.sendNotification(AnalysisFinishedNotification.method, statusOf(session));
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else publishOpen(session);
  }, 5);
}

// Push mode: per-file debounce, then publish for the open documents of the project with their versions.
const timers = new Map<string, NodeJS.Timeout>();

function schedulePush(session: ProjectSession, uri: string): void {
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      analyze(session);
      publishOpen(session);
    }, settings.debounceMs),
  );
}

/** What was last published per document (version and content): an unchanged result is not sent again. */
const published = new Map<string, string>();

function publishOpen(session: ProjectSession): void {
  for (const document of documents.all()) {
    const file = pathOf(document.uri);
    if (file && session.contains(file)) publishDocument(document.uri);
  }
}

/** Publishes one open document's findings: a document kind's, or its integration's. */
function publishDocument(uri: string): void {
  const document = documents.get(uri);
  const file = pathOf(uri);
  if (!document || !file) return;
  const findings = findingsOf(file);
  if (!findings) return;
  const diagnostics = findings.map((f) => toDiagnostic(f, positions));
  const key = `${document.version}\0${JSON.stringify(diagnostics)}`;
  if (published.get(uri) === key) return;
  published.set(uri, key);
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
}

/** A file's findings: its document kind's when one owns it, else its integration's (undefined: not ours). */
function findingsOf(file: string): Finding[] | undefined {
  const owned = kinds.findings(file);
  if (owned) return owned;
  const session = sessionFor(file);
  if (!session) return undefined;
  analyze(session);
  return session.findingsFor(file);
}

/** Push mode, for files a document kind owns: debounce per file, then check and publish it alone. */
function scheduleDocumentPush(uri: string): void {
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      publishDocument(uri);
    }, settings.debounceMs),
  );
}

/** Push mode: documents of a kind are re-checked when anything they may depend on changed (the model, a base graph). */
function publishKindDocuments(): void {
  for (const document of documents.all()) {
    const file = pathOf(document.uri);
    if (file && kinds.kindOf(file)) publishDocument(document.uri);
  }
}

// Pull mode: the client asks after each change; other files of the project may change too, so ask it to pull again.
let refreshTimer: NodeJS.Timeout | undefined;

function requestRefresh(): void {
  if (!pullDiagnostics) {
    for (const session of sessions) {
      analyze(session);
      publishOpen(session);
    }
    publishKindDocuments();
    return;
  }
  if (!canRefreshDiagnostics) return;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void connection.languages.diagnostics.refresh(), settings.debounceMs);
}

function onEdited(uri: string): void {
  const file = pathOf(uri);
  if (!file) return;
  positions.forget(file);
  if (kinds.kindOf(file)) {
    // A question file or an import is not part of the integration's program: only it is checked again.
    if (!pullDiagnostics) scheduleDocumentPush(uri);
    return;
  }
  const session = sessionFor(file);
  if (!session) return;
  session.changed(file);
  if (pullDiagnostics) requestRefresh();
  else schedulePush(session, uri);
}

/** Documents whose open was just handled: TextDocuments reports an open as a content change too. */
const justOpened = new Set<string>();

documents.onDidOpen(({ document }) => {
  justOpened.add(document.uri);
  const file = pathOf(document.uri);
  if (file && kinds.kindOf(file)) {
    if (!pullDiagnostics) scheduleDocumentPush(document.uri);
    return;
  }
  const session = file ? sessionFor(file) : undefined;
  if (!session || !file) return;
  // Opening shows what is on disk plus this buffer: only this file may differ from what was analysed.
  session.changed(file);
  if (!pullDiagnostics) schedulePush(session, document.uri);
});

documents.onDidChangeContent(({ document }) => {
  // An open of what is on disk is no edit: the client pulls the opened document itself, so asking it to pull
  // everything again (or scheduling a second push) would only repeat work. Unsaved text restored on open is one.
  if (justOpened.delete(document.uri)) {
    const file = pathOf(document.uri);
    if (!file || diskFileHost.readFile(file) === document.getText()) return;
  }
  if (settings.validate === 'onType') onEdited(document.uri);
});

documents.onDidSave(({ document }) => {
  if (settings.validate === 'onSave') onEdited(document.uri);
});

documents.onDidClose(({ document }) => {
  clearTimeout(timers.get(document.uri));
  timers.delete(document.uri);
  const file = pathOf(document.uri);
  if (file) {
    positions.forget(file);
    // The closed buffer's unsaved text no longer counts: the disk version does. A question file, an import or a
    // collected graph file is not part of the integration's program, so its analysis stays as it is.
    if (kinds.kindOf(file)) kinds.forget(file);
    else sessionFor(file)?.changed(file);
  }
  published.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  const touched = new Set<ProjectSession>();
  let collectedChanged = false;
  for (const change of changes) {
    const file = pathOf(change.uri);
    if (!file) continue;
    // Open documents are owned by the editor: their disk state does not matter until they close.
    if (change.type === FileChangeType.Changed && documents.get(change.uri)) continue;
    // Collected data (a collect writes hundreds of files) is not part of the program: only its checks are redone.
    if (/[\\/]\.j1-integration(-cache)?[\\/]/.test(file)) {
      collectedChanged = true;
      if (change.type === FileChangeType.Deleted) void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      continue;
    }
    // .env, lockfiles and the installed data model are read by rules, not imported: they change results as a whole.
    const projectWide = /(^|[\\/])(\.env|yarn\.lock|package-lock\.json|package\.json)$/.test(file);
    for (const session of sessions.filter((s) => s.contains(file) || file.startsWith(s.root + path.sep))) {
      if (change.type === FileChangeType.Changed && !projectWide) session.changed(file);
      else session.structureChanged();
      touched.add(session);
    }
    if (change.type === FileChangeType.Deleted) void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
  }
  // Open question files and imports may read the changed files too (the model, a base graph): their cache decides.
  const kindDocumentOpen = documents.all().some((d) => {
    const file = pathOf(d.uri);
    return !!file && !!kinds.kindOf(file);
  });
  if (touched.size || kindDocumentOpen || collectedChanged) requestRefresh();
});

connection.languages.diagnostics.on((params, token): DocumentDiagnosticReport => {
  const file = pathOf(params.textDocument.uri);
  if (!file) return { kind: 'full', items: [] };
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
  return { kind: 'full', items: (findingsOf(file) ?? []).map((f) => toDiagnostic(f, positions)) };
});

connection.onCodeAction((params) => quickFixes(params.context.diagnostics));

registerFeatures({
  connection,
  documents,
  positions,
  sessionFor,
  sessions: () => sessions,
  kinds,
  linkSupport: () => definitionLinks,
});

registerContextGraphPreview(connection, kinds);

onQueryError((error, query) => connection.console.error(`Integration Lens: ${query} failed: ${(error as Error).stack ?? error}`));

registerViewRequests({ connection, host, positions, kinds, sessions: () => sessions });

connection.onRequest(StatusRequest.method, (): StatusResult => ({ ok: true, version, projects: sessions.map(statusOf) }));

connection.onRequest(ModelRequest.method, (params: ModelParams | undefined): ModelResult => {
  const root = params?.projectPath ? path.resolve(params.projectPath) : undefined;
  // A project's root is not inside it (ProjectSession.contains): look for it by root first, or sessionFor would add a second session.
  const wanted = root ? [sessions.find((s) => s.root === root) ?? sessionFor(root)] : sessions;
  const projects = wanted.filter((s): s is ProjectSession => !!s);
  for (const session of projects) analyze(session);
  return { projects: projects.map((session) => projectModel(session, positions)) };
});

documents.listen(connection);
connection.listen();
