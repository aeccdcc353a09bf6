// The JupiterOne API key, kept in VS Code's secret storage (the OS keychain where there is one): never in settings,
// never in a file of the workspace, never logged. sync and run tasks pass it to the CLI as JUPITERONE_API_KEY.
import * as vscode from 'vscode';

const SECRET_KEY = 'integrationLens.jupiterOneApiKey';
/** Set while a key is stored; the manifest's `when` clause of the clear command reads it. */
const HAS_KEY_CONTEXT = 'integrationLens.hasApiKey';

export const ApiKeyCommands = {
  set: 'integrationLens.setApiKey',
  clear: 'integrationLens.clearApiKey',
} as const;

export class ApiKeyStore implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    // Another window may set or clear it.
    this.subscription = secrets.onDidChange((e) => e.key === SECRET_KEY && void this.updateContext());
    void this.updateContext();
  }

  get(): Thenable<string | undefined> {
    return this.secrets.get(SECRET_KEY);
  }

  async has(): Promise<boolean> {
    return !!(await this.get());
  }

  async store(key: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, key);
    await this.updateContext();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    await this.updateContext();
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', HAS_KEY_CONTEXT, await this.has());
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/**
 * "Set JupiterOne API Key": asks for the key in a password box. A string argument stores it without asking (for
 * automation; command arguments are not logged).
 */
export async function setApiKey(store: ApiKeyStore, given?: unknown): Promise<boolean> {
  const key =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: 'JupiterOne API Key',
          prompt: 'The API key sync and run tasks upload with. Kept in VS Code\'s secret storage, never in settings.',
          password: true,
          ignoreFocusOut: true,
          validateInput: (value) => (value.trim() ? undefined : 'Enter a key, or press Escape to keep the current one.'),
        });
  if (!key?.trim()) return false;
  await store.store(key.trim());
  if (typeof given !== 'string') void vscode.window.showInformationMessage('Integration Lens: JupiterOne API key saved in the secret storage.');
  return true;
}

export async function clearApiKey(store: ApiKeyStore): Promise<void> {
  await store.clear();
  void vscode.window.showInformationMessage('Integration Lens: JupiterOne API key removed from the secret storage.');
}
