// A status bar item that shows the language server's state.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

const looks: Record<State, { icon: string; tooltip: string; background?: string }> = {
  [State.Starting]: { icon: '$(sync~spin)', tooltip: 'starting' },
  [State.Running]: { icon: '$(check)', tooltip: 'running' },
  [State.Stopped]: { icon: '$(circle-slash)', tooltip: 'stopped', background: 'statusBarItem.warningBackground' },
  [State.StartFailed]: { icon: '$(error)', tooltip: 'failed to start', background: 'statusBarItem.errorBackground' },
};

export class ServerStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(client: LanguageClient, command: string) {
    this.item = vscode.window.createStatusBarItem('integrationLens.server', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'Integration Lens Server';
    this.item.command = command;
    this.subscription = client.onDidChangeState(({ newState }) => this.show(newState));
    this.show(client.state);
    this.item.show();
  }

  private show(state: State): void {
    const look = looks[state];
    this.item.text = `${look.icon} Integration Lens`;
    this.item.tooltip = `Integration Lens server: ${look.tooltip}. Click to show its output.`;
    this.item.backgroundColor = look.background ? new vscode.ThemeColor(look.background) : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
