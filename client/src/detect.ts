// Is there a JupiterOne integration in the workspace? Decided by reading a few small files, never by running anything.
//
// Why this exists: `workspaceContains` activation events only test whether a path matching a glob exists; they cannot
// look inside a file. The two marks of an integration are contents: a dependency on @jupiterone/integration-sdk-core
// in a package.json, or an entry module (index.ts, src/index.ts, ...) that exports `invocationConfig`. The manifest
// therefore activates on what every integration has, a package.json in a workspace folder or up to two levels below
// it (where the server looks for projects, server/src/lsp/discovery.ts), and this module then decides:
//   - the cost in a Node project that is not an integration: loading the client bundle and reading at most
//     MAX_PACKAGE_FILES package.json files and their entry candidates (each up to a size bound); the language server
//     is never started, nothing shows in the status bar;
//   - rejected: `*` (every workspace); `workspaceContains:**/node_modules/@jupiterone/integration-sdk-core/...`
//     (misses every project that is not installed yet, and walks node_modules); `workspaceContains:src/index.ts`
//     (fires for any TypeScript project all the same, and misses JavaScript and monorepo layouts).
// An integration that appears later (a package.json edited or created, a folder added) is caught by watch().
import * as vscode from 'vscode';
import { ENTRY_CANDIDATES } from '../../server/src/core/model/findEntry';
import { QUESTION_FILE_GLOBS } from '../../server/src/core/questions/paths';

export const SDK_CORE = '@jupiterone/integration-sdk-core';
/** Where to look: the same depth as the activation events in package.json. */
export const PACKAGE_GLOB = '{package.json,*/package.json,*/*/package.json}';
const QUESTION_FILES_GLOB = `{${QUESTION_FILE_GLOBS.join(',')}}`;
const MAX_PACKAGE_FILES = 50;
/** A package.json bigger than this is not an integration's; an entry module bigger than this is a bundle. */
const MAX_PACKAGE_BYTES = 256 * 1024;
const MAX_ENTRY_BYTES = 512 * 1024;

export interface Evidence {
  /** What made it an integration. */
  reason: 'sdk-dependency' | 'invocationConfig' | 'context-graph' | 'question-file';
  /** The file that says so. */
  file: vscode.Uri;
}

export interface DetectionResult {
  evidence: Evidence | undefined;
  /** package.json files read. */
  packageFiles: number;
  durationMs: number;
}

/** Looks for an integration in the open workspace folders. */
export async function detectIntegration(token?: vscode.CancellationToken): Promise<DetectionResult> {
  const started = Date.now();
  if (!vscode.workspace.workspaceFolders?.length) return { evidence: undefined, packageFiles: 0, durationMs: 0 };
  const packages = await vscode.workspace.findFiles(PACKAGE_GLOB, '**/node_modules/**', MAX_PACKAGE_FILES, token);
  // Shallowest first: a workspace folder's own package.json decides before its sub-packages.
  packages.sort((a, b) => depth(a) - depth(b) || a.path.localeCompare(b.path));
  const result = (evidence: Evidence | undefined) => ({ evidence, packageFiles: packages.length, durationMs: Date.now() - started });

  for (const file of packages) {
    if (token?.isCancellationRequested) break;
    const text = await readBounded(file, MAX_PACKAGE_BYTES);
    if (text !== undefined && dependsOnSdk(text)) return result({ reason: 'sdk-dependency', file });
  }
  for (const file of packages) {
    const dir = vscode.Uri.joinPath(file, '..');
    for (const candidate of ENTRY_CANDIDATES) {
      if (token?.isCancellationRequested) return result(undefined);
      const entry = vscode.Uri.joinPath(dir, candidate);
      const text = await readBounded(entry, MAX_ENTRY_BYTES);
      if (text !== undefined && mentionsInvocationConfig(text)) return result({ reason: 'invocationConfig', file: entry });
    }
  }
  // A Canopsis repository holds no integration but import files: the server checks those too.
  const globs = vscode.workspace.getConfiguration('integrationLens').get<string[]>('contextGraph.files', CONTEXT_GRAPH_GLOBS);
  const imports = await vscode.workspace.findFiles(`{${(globs.length ? globs : CONTEXT_GRAPH_GLOBS).join(',')}}`, '**/node_modules/**', 1, token);
  if (imports.length) return result({ reason: 'context-graph', file: imports[0] });
  // A repository of managed questions: the server checks their queries offline.
  const questions = await vscode.workspace.findFiles(QUESTION_FILES_GLOB, '**/node_modules/**', 1, token);
  if (questions.length) return result({ reason: 'question-file', file: questions[0] });
  return result(undefined);
}

/** The default of `integrationLens.contextGraph.files` (the manifest's activation events list the same). */
export const CONTEXT_GRAPH_GLOBS = ['**/*.contextgraph.json', '**/context-graph/**/*.json'];

/** A package.json's text lists @jupiterone/integration-sdk-core among any kind of dependencies. */
export function dependsOnSdk(packageJson: string): boolean {
  let manifest: unknown;
  try {
    manifest = JSON.parse(packageJson);
  } catch {
    return false;
  }
  if (!manifest || typeof manifest !== 'object') return false;
  return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].some((field) => {
    const deps = (manifest as Record<string, unknown>)[field];
    return !!deps && typeof deps === 'object' && Object.prototype.hasOwnProperty.call(deps, SDK_CORE);
  });
}

/**
 * An entry module that names `invocationConfig` as an identifier (`export const invocationConfig`,
 * `export { invocationConfig } from`, `exports.invocationConfig =`). A module that only does `export * from` is missed
 * here, but such a project still depends on the SDK, which the package.json check sees.
 */
export function mentionsInvocationConfig(source: string): boolean {
  return /(?<![\w$])invocationConfig(?![\w$])/.test(source);
}

function depth(uri: vscode.Uri): number {
  return uri.path.split('/').length;
}

/** The file's text, or undefined when it is missing, not a file, or bigger than `maxBytes`. */
async function readBounded(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory || stat.size > maxBytes) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Calls `onChange` when something that could make the workspace an integration changes: a package.json or an entry
 * candidate created or edited (outside node_modules), a question file created, or workspace folders added. Events in
 * a burst (a branch switch, `npm init`) arrive together; the caller coalesces its checks.
 */
export function watch(onChange: (why: string) => void): vscode.Disposable {
  const names = new Set(['package.json', ...ENTRY_CANDIDATES.map((c) => c.split('/').pop()!)]);
  const watcher = vscode.workspace.createFileSystemWatcher(`**/{${[...names].join(',')}}`, false, false, true);
  const onFile = (uri: vscode.Uri) => {
    if (!uri.path.split('/').includes('node_modules')) onChange(vscode.workspace.asRelativePath(uri));
  };
  const questions = vscode.workspace.createFileSystemWatcher(QUESTION_FILES_GLOB, false, true, true);
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(onFile),
    watcher.onDidChange(onFile),
    questions,
    questions.onDidCreate(onFile),
    vscode.workspace.onDidChangeWorkspaceFolders(({ added }) => {
      if (added.length) onChange(`workspace folder ${added.map((f) => f.name).join(', ')} added`);
    }),
  );
}
