// The Steps view: the steps of the static model in run order, each with the status of the last collection, its
// declared and encountered types, and the collected-data checks. Everything shown comes from the server's
// integrationLens/runView answer; this file only lays it out.
import * as vscode from 'vscode';
import type { CollectedCheck, RunViewProject, RunViewResult, RunViewStep } from '../../../server/src/lsp/protocol';

export type StepsNode =
  | { kind: 'project'; project: RunViewProject }
  | { kind: 'step'; project: RunViewProject; step: RunViewStep }
  | { kind: 'type'; step: RunViewStep; type: string; declared: boolean; count?: number }
  | { kind: 'checks'; project: RunViewProject }
  | { kind: 'check'; check: CollectedCheck }
  | { kind: 'message'; label: string; detail?: string };

const STATUS: Record<string, { label: string; icon: string; color?: string }> = {
  success: { label: 'success', icon: 'pass', color: 'testing.iconPassed' },
  failure: { label: 'failure', icon: 'error', color: 'testing.iconFailed' },
  partial_success_due_to_dependency_failure: { label: 'partial (a dependency failed)', icon: 'warning', color: 'list.warningForeground' },
  disabled: { label: 'disabled', icon: 'circle-slash', color: 'disabledForeground' },
  cached: { label: 'cached', icon: 'history', color: 'charts.blue' },
};

export class StepsTreeProvider implements vscode.TreeDataProvider<StepsNode> {
  private readonly changed = new vscode.EventEmitter<StepsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: RunViewResult | undefined;
  private error: string | undefined;
  private readonly loaded = new vscode.EventEmitter<RunViewResult>();
  /** Fires after each answer of the server has been taken in (tests wait on it). */
  readonly onDidLoad = this.loaded.event;

  constructor(private readonly fetch: () => Promise<RunViewResult | undefined>) {}

  get current(): RunViewResult | undefined {
    return this.result;
  }

  async refresh(): Promise<void> {
    try {
      this.result = await this.fetch();
      this.error = undefined;
    } catch (error) {
      this.error = String(error instanceof Error ? error.message : error);
    }
    this.changed.fire(undefined);
    if (this.result) this.loaded.fire(this.result);
  }

  dispose(): void {
    this.changed.dispose();
    this.loaded.dispose();
  }

  getChildren(node?: StepsNode): StepsNode[] {
    if (!node) {
      if (this.error) return [{ kind: 'message', label: 'The language server did not answer', detail: this.error }];
      const projects = this.result?.projects ?? [];
      if (!this.result) return [{ kind: 'message', label: 'Waiting for the language server…' }];
      if (!projects.length) return [{ kind: 'message', label: 'No integration project found' }];
      return projects.length === 1 ? this.projectChildren(projects[0]) : projects.map((project) => ({ kind: 'project', project }));
    }
    switch (node.kind) {
      case 'project':
        return this.projectChildren(node.project);
      case 'step':
        return this.typeChildren(node.step);
      case 'checks':
        return node.project.collected.checks.map((check) => ({ kind: 'check', check }));
      default:
        return [];
    }
  }

  private projectChildren(project: RunViewProject): StepsNode[] {
    const nodes: StepsNode[] = [];
    if (!project.ok) nodes.push({ kind: 'message', label: 'The integration could not be analysed', detail: project.message });
    if (project.orderProblem) nodes.push({ kind: 'message', label: 'The runtime would refuse this plan', detail: project.orderProblem });
    nodes.push(...project.steps.map((step): StepsNode => ({ kind: 'step', project, step })));
    if (project.collected.unknownSteps.length) {
      nodes.push({ kind: 'message', label: `Results of steps not in the code: ${project.collected.unknownSteps.join(', ')}`, detail: 'summary.json lists steps the static model does not have: the collection is older than the code.' });
    }
    nodes.push({ kind: 'checks', project });
    return nodes;
  }

  private typeChildren(step: RunViewStep): StepsNode[] {
    const counts = step.result?.encounteredTypeCounts ?? {};
    const declared = step.declaredTypes.map((type): StepsNode => ({ kind: 'type', step, type, declared: true, count: counts[type] }));
    const undeclared = (step.result?.undeclaredTypes ?? []).map((type): StepsNode => ({ kind: 'type', step, type, declared: false, count: counts[type] }));
    return [...declared, ...undeclared];
  }

  getTreeItem(node: StepsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project': {
        const item = new vscode.TreeItem(vscode.workspace.asRelativePath(node.project.root, true), vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('package');
        return item;
      }
      case 'step':
        return stepItem(node.step);
      case 'type': {
        const item = new vscode.TreeItem(node.type);
        const encountered = node.step.result?.encounteredTypes.includes(node.type);
        const count = node.count !== undefined ? `${node.count} collected` : encountered ? 'collected' : node.step.result ? 'not encountered' : '';
        item.description = [node.declared ? 'declared' : 'undeclared', count].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(node.declared ? 'symbol-class' : 'warning', node.declared ? undefined : new vscode.ThemeColor('list.warningForeground'));
        if (!node.declared) item.tooltip = 'The step added this type without declaring it: the SDK warns "Undeclared types were detected." Declare it in the step\'s entities or relationships.';
        return item;
      }
      case 'checks': {
        const { checks, checksTotal, hasSummary, entities, relationships } = node.project.collected;
        const label = !hasSummary && !entities && !relationships ? 'Collected data: nothing collected yet' : `Collected data: ${checksTotal ? `${checksTotal} problem${checksTotal === 1 ? '' : 's'}` : 'no problems'}`;
        const item = new vscode.TreeItem(label, checks.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = `${entities} entities, ${relationships} relationships`;
        item.iconPath = new vscode.ThemeIcon('database');
        item.contextValue = 'collected';
        return item;
      }
      case 'check': {
        const item = new vscode.TreeItem(node.check.message.split(/(?<=[.:])\s/)[0]);
        item.description = decodeURIComponent(node.check.location.uri.split('/').slice(-3).join('/'));
        item.tooltip = `${node.check.code}: ${node.check.message}`;
        item.iconPath = new vscode.ThemeIcon(node.check.severity === 'error' ? 'error' : 'warning');
        item.command = { command: 'integrationLens.openLocation', title: 'Open', arguments: [node.check.location] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.label);
        item.tooltip = node.detail;
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }
}

function stepItem(step: RunViewStep): vscode.TreeItem {
  const item = new vscode.TreeItem(step.name ?? step.id, step.declaredTypes.length || step.result?.undeclaredTypes.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `step:${step.location.uri}:${step.id}`;
  const status = step.result?.status;
  const known = status ? STATUS[status] : undefined;
  const collected = step.result ? Object.values(step.result.encounteredTypeCounts).reduce((a, b) => a + b, 0) : 0;
  const parts = [known?.label ?? status ?? 'not run', `${step.declaredTypes.length} declared`];
  if (step.result) parts.push(`${step.result.encounteredTypes.length} encountered${collected ? ` (${collected} objects)` : ''}`);
  if (step.result?.undeclaredTypes.length) parts.push(`${step.result.undeclaredTypes.length} undeclared`);
  item.description = parts.join(' · ');
  item.iconPath = new vscode.ThemeIcon(known?.icon ?? (status ? 'question' : 'circle-outline'), known?.color ? new vscode.ThemeColor(known.color) : undefined);
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${step.name ?? step.id}** \`${step.id}\`\n\n`);
  tooltip.appendMarkdown(`Last collection: ${known?.label ?? status ?? 'not run'}\n\n`);
  if (step.dependsOn.length) tooltip.appendMarkdown(`Depends on: ${step.dependsOn.map((d) => `\`${d}\``).join(', ')}\n\n`);
  tooltip.appendMarkdown(`Declared: ${step.declaredTypes.map((t) => `\`${t}\``).join(', ') || 'none'}${step.complete ? '' : ' (partly unknown to the static analysis)'}\n\n`);
  if (step.result) tooltip.appendMarkdown(`Encountered: ${step.result.encounteredTypes.map((t) => `\`${t}\``).join(', ') || 'none'}`);
  item.tooltip = tooltip;
  item.contextValue = 'step';
  item.command = { command: 'integrationLens.openLocation', title: 'Go to step', arguments: [step.location] };
  return item;
}
