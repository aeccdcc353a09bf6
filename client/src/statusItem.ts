// A status bar item that shows the language server's state and its latest analysis: how many findings, how long it
// took, when it ran (from `integrationLens/analysisFinished`, one per analysis of a project).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { ProjectStatus } from '../../server/src/lsp/protocol';

const looks: Record<State, { icon: string; label: string; background?: string }> = {
  [State.Starting]: { icon: '$(sync~spin)', label: 'starting' },
  [State.Running]: { icon: '$(check)', label: 'running' },
  [State.Stopped]: { icon: '$(circle-slash)', label: 'stopped', background: 'statusBarItem.warningBackground' },
  [State.StartFailed]: { icon: '$(error)', label: 'failed to start', background: 'statusBarItem.errorBackground' },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class ServerStatusItem implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private state: State = State.Stopped;
  /** The latest analysis of each project, by root. */
  private readonly projects = new Map<string, ProjectStatus>();

  constructor(command: string) {
    this.item = vscode.window.createStatusBarItem('integrationLens.server', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'Integration Lens';
    this.item.command = command;
    this.render();
  }

  /** The client changed state. A new server process starts with no analysis. */
  setState(state: State): void {
    this.state = state;
    if (state === State.Starting) this.projects.clear();
    this.render();
    this.item.show();
  }

  analysisFinished(project: ProjectStatus): void {
    this.projects.set(project.root, project);
    this.render();
  }

  private render(): void {
    const look = looks[this.state];
    const projects = [...this.projects.values()];
    const failed = projects.filter((p) => !p.ok);
    const findings = projects.reduce((sum, p) => sum + p.findings, 0);
    const latest = projects.reduce<ProjectStatus | undefined>(
      (a, b) => (!a || (b.lastAnalysisAt ?? '') > (a.lastAnalysisAt ?? '') ? b : a),
      undefined,
    );

    let text = `${look.icon} Integration Lens`;
    if (this.state === State.Running && latest) {
      const icon = failed.length ? '$(warning)' : look.icon;
      const what = failed.length === projects.length ? 'no model' : plural(findings, 'finding');
      text = `${icon} Integration Lens: ${what} (${formatMs(latest.lastDurationMs)})`;
    }
    this.item.text = text;
    this.item.backgroundColor = look.background ? new vscode.ThemeColor(look.background) : undefined;

    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Integration Lens** server: ${look.label}\n\n`);
    if (projects.length === 0 && this.state === State.Running) tooltip.appendMarkdown('No analysis yet: open a source file of the integration.\n\n');
    if (projects.length > 0) {
      tooltip.appendMarkdown('| project | steps | findings | last analysis |\n| --- | ---: | ---: | --- |\n');
      for (const p of projects) {
        const when = p.lastAnalysisAt ? `${new Date(p.lastAnalysisAt).toLocaleTimeString()}, ${formatMs(p.lastDurationMs)}` : '-';
        const name = escapeCell(vscode.workspace.asRelativePath(p.root, true) || path.basename(p.root));
        tooltip.appendMarkdown(`| ${name} | ${p.steps} | ${p.ok ? p.findings : '-'} | ${when} |\n`);
      }
      tooltip.appendMarkdown('\n');
      for (const p of failed) tooltip.appendMarkdown(`$(warning) ${escapeCell(p.message ?? 'no model')}\n\n`);
    }
    tooltip.appendMarkdown('Click to show the output.');
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function escapeCell(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}
