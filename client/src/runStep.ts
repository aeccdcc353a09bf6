import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** What the server's "Run step" code lenses pass (server/src/lsp/features.ts, RunStepArguments). */
export interface RunStepArguments {
  projectPath: string;
  stepIds: string[];
}

/**
 * Runs `j1-integration collect --step <ids>` with the project's own CLI, as a VS Code task so it shows in the
 * terminal with the usual controls. Running the integration executes workspace code: never in an untrusted
 * workspace.
 */
export async function runStep(args: RunStepArguments | undefined): Promise<void> {
  if (!args?.projectPath || !args.stepIds?.length) return;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Integration Lens: running a step executes the integration; trust this workspace first.');
    return;
  }
  const cli = path.join(args.projectPath, 'node_modules', '.bin', process.platform === 'win32' ? 'j1-integration.cmd' : 'j1-integration');
  if (!fs.existsSync(cli)) {
    void vscode.window.showErrorMessage(
      `Integration Lens: j1-integration is not installed in ${args.projectPath}. Install it with "npm install --save-dev @jupiterone/integration-sdk-cli" (or yarn add --dev), then run the step again.`,
    );
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(args.projectPath)) ?? vscode.TaskScope.Workspace;
  const steps = args.stepIds.join(',');
  const task = new vscode.Task(
    { type: 'j1-integration', command: 'collect', step: steps },
    folder,
    `collect --step ${steps}`,
    'j1-integration',
    new vscode.ProcessExecution(cli, ['collect', '--step', steps], { cwd: args.projectPath }),
  );
  await vscode.tasks.executeTask(task);
}
