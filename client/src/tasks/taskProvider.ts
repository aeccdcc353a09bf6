// The `j1-integration` task provider: collect, sync and run for each integration project of the workspace, and the
// tasks of tasks.json (any options of the task definition) resolved to the same execution. Runs through
// TaskTerminal (a CustomExecution), so secrets are masked and the process tree is stopped on terminate.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { dependsOnSdk, PACKAGE_GLOB } from '../detect';
import { CLI_COMMANDS, TASK_SOURCE, TASK_TYPE, taskLabel, type J1TaskDefinition } from './definition';
import { TaskTerminal, type TaskServices } from './taskTerminal';

/** The problem matchers package.json contributes (contributes.problemMatchers). */
export const PROBLEM_MATCHERS = ['$j1-integration-undeclared-types', '$j1-integration-step-failure', '$j1-integration-config'];

export class J1TaskProvider implements vscode.TaskProvider {
  constructor(private readonly services: TaskServices) {}

  async provideTasks(token: vscode.CancellationToken): Promise<vscode.Task[]> {
    const tasks: vscode.Task[] = [];
    for (const { folder, projectPath } of await findProjects(token)) {
      const relative = path.relative(folder.uri.fsPath, projectPath).split(path.sep).join('/');
      for (const command of CLI_COMMANDS) {
        const definition: J1TaskDefinition = { type: TASK_TYPE, command, ...(relative ? { projectPath: relative } : {}) };
        tasks.push(this.createTask(definition, folder));
      }
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as J1TaskDefinition;
    if (definition.type !== TASK_TYPE) return undefined;
    const scope = task.scope !== undefined && typeof task.scope === 'object' ? task.scope : undefined;
    // The definition object must be the one VS Code gave, or the task would not match its tasks.json entry.
    return this.createTask(definition, scope, task.name);
  }

  /** A task for a definition; `folder` undefined means the first workspace folder. */
  createTask(definition: J1TaskDefinition, folder?: vscode.WorkspaceFolder, name?: string): vscode.Task {
    const scope = folder ?? vscode.workspace.workspaceFolders?.[0];
    const projectPath = resolveProjectPath(definition, scope);
    const label = name ?? taskLabel(definition, definition.projectPath ? path.basename(projectPath) : undefined);
    const task = new vscode.Task(
      definition,
      scope ?? vscode.TaskScope.Workspace,
      label,
      TASK_SOURCE,
      // VS Code passes the definition with its variables (${workspaceFolder}, ...) resolved.
      new vscode.CustomExecution(async (resolved) => new TaskTerminal(this.services, resolved as J1TaskDefinition, resolveProjectPath(resolved as J1TaskDefinition, scope))),
      PROBLEM_MATCHERS,
    );
    task.detail = detailOf(definition);
    if (definition.command === 'collect') task.group = vscode.TaskGroup.Build;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
    return task;
  }
}

export function resolveProjectPath(definition: J1TaskDefinition, folder: vscode.WorkspaceFolder | undefined): string {
  const base = folder?.uri.fsPath ?? process.cwd();
  return definition.projectPath ? path.resolve(base, definition.projectPath) : base;
}

function detailOf(definition: J1TaskDefinition): string {
  switch (definition.command) {
    case 'collect':
      return 'j1-integration collect: run the steps and store entities and relationships in .j1-integration';
    case 'sync':
      return 'j1-integration sync: upload the collected data to JupiterOne (needs integrationInstanceId)';
    case 'run':
      return 'j1-integration run: collect and upload to JupiterOne (needs integrationInstanceId)';
  }
}

/** Integration projects: folders with a package.json that depends on the SDK, as detect.ts looks for them. */
async function findProjects(token: vscode.CancellationToken): Promise<{ folder: vscode.WorkspaceFolder; projectPath: string }[]> {
  const files = await vscode.workspace.findFiles(PACKAGE_GLOB, '**/node_modules/**', 50, token);
  const projects: { folder: vscode.WorkspaceFolder; projectPath: string }[] = [];
  for (const file of files) {
    const folder = vscode.workspace.getWorkspaceFolder(file);
    if (!folder) continue;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      if (dependsOnSdk(text)) projects.push({ folder, projectPath: path.dirname(file.fsPath) });
    } catch {
      // unreadable: not a project we can run
    }
  }
  return projects.sort((a, b) => a.projectPath.localeCompare(b.projectPath));
}
