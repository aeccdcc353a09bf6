import * as vscode from 'vscode';
import { TASK_TYPE, type J1TaskDefinition } from './tasks/definition';
import type { J1TaskProvider } from './tasks/taskProvider';

/** What the server's "Run step" code lenses pass (server/src/lsp/features.ts, RunStepArguments). */
export interface RunStepArguments {
  projectPath: string;
  stepIds: string[];
}

/**
 * Runs `j1-integration collect --step <ids>` as a j1-integration task (the provider's execution: masked secrets,
 * problem matchers, cancellable). Running the integration executes workspace code: never in an untrusted workspace.
 */
export async function runStep(provider: J1TaskProvider, args: RunStepArguments | undefined): Promise<vscode.TaskExecution | undefined> {
  if (!args?.projectPath || !args.stepIds?.length) return undefined;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Integration Lens: running a step executes the integration; trust this workspace first.');
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(args.projectPath));
  const relative = folder ? vscode.workspace.asRelativePath(args.projectPath, false) : args.projectPath;
  const definition: J1TaskDefinition = {
    type: TASK_TYPE,
    command: 'collect',
    step: args.stepIds,
    ...(folder && folder.uri.fsPath === args.projectPath ? {} : { projectPath: folder ? relative : args.projectPath }),
  };
  return vscode.tasks.executeTask(provider.createTask(definition, folder));
}
