// Shared by the end-to-end tests: the extension under test and waiting on its language client's real events.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { IntegrationLensApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'integration-lens.integration-lens';

export function getExtension(): vscode.Extension<IntegrationLensApi> {
  const extension = vscode.extensions.getExtension<IntegrationLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this VS Code`);
  return extension;
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

export { State };
