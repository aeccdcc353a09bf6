// Shared by the end-to-end tests: the extension under test, its API, and waiting on real events (never on timers:
// mocha's per-test timeout is the only bound).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { IntegrationLensApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'integration-lens.integration-lens';
export const SOURCE = 'integration-lens';

/** The extension, found by id: loaded for development or installed from the VSIX alike. */
export function getExtension(): vscode.Extension<IntegrationLensApi> {
  const extension = vscode.extensions.getExtension<IntegrationLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this VS Code`);
  return extension;
}

/** The extension's API; activating it here if needed keeps each test runnable alone. */
export async function activeApi(): Promise<IntegrationLensApi> {
  const api = await getExtension().activate();
  assert.ok(api?.ready, 'activate() returned no API');
  return api;
}

/** The running language client; fails if the extension found no integration to start it for. */
export async function runningClient(api: IntegrationLensApi): Promise<LanguageClient> {
  const { evidence } = await api.detection;
  assert.ok(evidence, 'the extension found no integration in this workspace, so it started no server');
  return api.ready;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...segments);
}

/**
 * Records the client's state changes from now until it reaches `until` (or fails to start); resolves with them.
 * Subscribe before doing what changes the state.
 */
export function statesUntil(client: LanguageClient, until: State): Promise<State[]> {
  const seen: State[] = [];
  return new Promise((resolve) => {
    const subscription = client.onDidChangeState(({ newState }) => {
      seen.push(newState);
      if (newState === until || newState === State.StartFailed) {
        subscription.dispose();
        resolve(seen);
      }
    });
  });
}

/** The extension's diagnostics of a file, as VS Code holds them. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Resolves with the extension's diagnostics of `uri` once `accept` holds for them: right away if it already does,
 * else at the first `onDidChangeDiagnostics` for that file after which it does.
 */
export function diagnosticsWhere(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const subscription = vscode.languages.onDidChangeDiagnostics(({ uris }) => {
      if (!uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = ourDiagnostics(uri);
      if (accept(diagnostics)) {
        subscription.dispose();
        resolve(diagnostics);
      }
    });
    // Checked after subscribing, so a change between the two is not missed.
    const now = ourDiagnostics(uri);
    if (accept(now)) {
      subscription.dispose();
      resolve(now);
    }
  });
}

/** Resolves once `read()` returns a value `accept`s: now, or after one of the `events` fires. */
export function once<T>(events: vscode.Event<unknown>, read: () => T, accept: (value: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const subscription = events(() => {
      const value = read();
      if (accept(value)) {
        subscription.dispose();
        resolve(value);
      }
    });
    const value = read();
    if (accept(value)) {
      subscription.dispose();
      resolve(value);
    }
  });
}

/** A hover's contents as plain strings. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

export { State };
