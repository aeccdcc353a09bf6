// The terminal of a j1-integration task (a CustomExecution pseudoterminal): runs the project's own CLI through
// cliProcess.ts, shows its output with secrets masked, the current step in the status bar, the problems it found as
// lines the contributed problem matchers read, and keeps a snapshot after a successful sync. Closing the terminal
// (Terminate Task) stops the CLI's whole process tree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ModelLocation, ProjectModel } from '../../../server/src/lsp/protocol';
import { saveSyncSnapshot } from '../sync/saveSnapshot';
import { findCli, missingCliMessage } from './cliLocation';
import { outcomeOf, startCli, type CliRun, type RunOutcome } from './cliProcess';
import { buildArguments, renderCommandLine, stepList, uploads, validateDefinition, type J1TaskDefinition } from './definition';
import { buildTaskEnvironment } from './environment';
import { emptyReport, type RunEvent, type RunReport, type SourceLocation } from './outputParser';
import { formatProblem, problemsOf, summaryLine, type Locator } from './problems';

/** What the task needs from the rest of the extension. */
export interface TaskServices {
  apiKey(): Thenable<string | undefined>;
  /** The static model of the project, if the language server can give it now. */
  model(projectPath: string): Promise<ProjectModel | undefined>;
  globalStoragePath: string;
  log: vscode.LogOutputChannel;
  /** Told about every run that ends. */
  finished(result: TaskRunResult): void;
}

export interface TaskRunResult {
  projectPath: string;
  definition: J1TaskDefinition;
  exitCode: number;
  outcome?: RunOutcome;
  /** Set when a sync snapshot was saved. */
  snapshotDirectory?: string;
  /** Step id -> status, as the CLI reported them. */
  stepResults: Record<string, string>;
  /** The CLI's process id (the leader of its process group), when it started. */
  pid?: number;
}

const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

export class TaskTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private run: CliRun | undefined;
  private closed = false;

  constructor(
    private readonly services: TaskServices,
    private readonly definition: J1TaskDefinition,
    private readonly projectPath: string,
  ) {}

  open(): void {
    void this.start().catch((error: unknown) => {
      this.services.log.error('The j1-integration task failed', error);
      this.line(`${RED}Integration Lens: the task failed: ${error instanceof Error ? error.message : String(error)}${RESET}`);
      this.finish(1, undefined, emptyReport());
    });
  }

  /** The terminal was closed or the task terminated: stop the CLI and everything it started. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.run?.stop();
  }

  private write(text: string): void {
    if (!this.closed) this.writeEmitter.fire(text.replace(/\r?\n/g, '\r\n'));
  }

  private line(text = ''): void {
    this.write(`${text}\n`);
  }

  private async start(): Promise<void> {
    const { definition, projectPath } = this;
    if (!vscode.workspace.isTrusted) {
      this.line(`${RED}Running j1-integration executes the integration's code: trust this workspace first (Restricted Mode).${RESET}`);
      return this.finish(1, undefined, emptyReport());
    }
    const invalid = validateDefinition(definition);
    if (invalid.length) {
      for (const problem of invalid) this.line(`${RED}${problem}${RESET}`);
      this.line(`${DIM}Fix the task in .vscode/tasks.json ("Tasks: Configure Task").${RESET}`);
      return this.finish(2, undefined, emptyReport());
    }
    const cli = findCli(projectPath);
    if (!cli) {
      const message = missingCliMessage(projectPath);
      this.line(`${RED}${message}${RESET}`);
      void vscode.window.showErrorMessage(`Integration Lens: ${message}`);
      return this.finish(127, undefined, emptyReport());
    }

    const dotenvFile = path.join(projectPath, '.env');
    const dotenvText = fs.existsSync(dotenvFile) ? fs.readFileSync(dotenvFile, 'utf8') : undefined;
    const settings = vscode.workspace.getConfiguration('integrationLens', vscode.Uri.file(projectPath));
    const model = await this.services.model(projectPath).catch(() => undefined);
    const withSettings: J1TaskDefinition = {
      ...definition,
      apiBaseUrl: definition.apiBaseUrl || settings.get<string>('jupiterOne.apiBaseUrl') || undefined,
    };
    const environment = buildTaskEnvironment({
      definition: withSettings,
      dotenvText,
      processEnv: process.env,
      storedApiKey: uploads(definition.command) ? await this.services.apiKey() : undefined,
      accountSetting: settings.get<string>('jupiterOne.account') || undefined,
      // A partial list could miss a masked field: then every .env value is masked.
      configFields: model?.ok && model.complete ? model.configFields.map((f) => ({ name: f.name, mask: f.maskUnknown ? undefined : f.mask ?? false })) : undefined,
    });
    if (environment.problems.length) {
      for (const problem of environment.problems) this.line(`${RED}${problem}${RESET}`);
      return this.finish(2, undefined, emptyReport());
    }

    const args = buildArguments(withSettings);
    this.line(`${BOLD}> ${renderCommandLine(path.relative(projectPath, cli), args)}${RESET}`);
    this.line(`${DIM}in ${projectPath}${dotenvText !== undefined ? ', with its .env' : ''}${environment.account ? `; account ${environment.account} (${environment.accountSource})` : ''}${environment.apiKeySource ? `; API key from ${environment.apiKeySource}` : ''}${RESET}`);
    this.line();

    const started = Date.now();
    const total = definition.command === 'collect' && stepList(definition.step).length ? stepList(definition.step).length : model?.ok ? model.steps.length : undefined;
    let progress: vscode.Progress<{ message?: string }> | undefined;
    let resolveProgress!: () => void;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `j1-integration ${definition.command}` },
      (p) => {
        progress = p;
        return new Promise<void>((resolve) => (resolveProgress = resolve));
      },
    );
    const onEvent = (event: RunEvent) => {
      if (event.kind === 'stepStarted') {
        const count = this.run ? this.run.report.started.length : 0;
        progress?.report({ message: `step ${count}${total ? `/${total}` : ''}: ${event.stepName}` });
      } else if (event.kind === 'syncStatus') {
        progress?.report({ message: `synchronization ${event.status}` });
      }
    };

    this.run = startCli({
      cli,
      args,
      cwd: projectPath,
      // FORCE_COLOR: chalk and the runtime's pretty logger colour their output as in a shell.
      env: { ...process.env, FORCE_COLOR: '1', ...environment.env },
      secrets: environment.secrets,
      onOutput: (text) => this.write(text),
      onEvent,
    });
    if (this.closed) void this.run.stop(); // terminated while starting
    const exit = await this.run.exited;
    resolveProgress();
    const report = this.run.report;
    const outcome = outcomeOf(definition.command, exit, report, definition.skipFinalize);

    const problems = problemsOf(report, locator(projectPath, model));
    if (problems.length) {
      this.line();
      this.line(`${BOLD}Problems:${RESET}`);
      for (const problem of problems) this.line(`${problem.severity === 'error' ? RED : YELLOW}${formatProblem(problem)}${RESET}`);
    }
    this.line();
    this.line(`${BOLD}${summaryLine(definition.command, report, exit.stopped ? undefined : outcome.exitCode, Date.now() - started)}${RESET}${outcome.reason && outcome.exitCode ? ` (${outcome.reason})` : ''}`);

    let snapshotDirectory: string | undefined;
    if (outcome.synced && (definition.command === 'sync' || definition.command === 'run')) {
      try {
        snapshotDirectory = await saveSyncSnapshot(this.services.globalStoragePath, {
          projectPath,
          syncedAt: new Date().toISOString(),
          command: definition.command,
          integrationInstanceId: definition.integrationInstanceId,
        });
        this.line(`${DIM}Kept a snapshot of the uploaded data for "Preview sync".${RESET}`);
      } catch (error) {
        this.services.log.error('Could not keep the sync snapshot', error);
        this.line(`${YELLOW}Could not keep a snapshot of the uploaded data: ${error instanceof Error ? error.message : String(error)}${RESET}`);
      }
    }
    this.finish(outcome.exitCode, outcome, report, snapshotDirectory);
  }

  private finish(exitCode: number, outcome: RunOutcome | undefined, report: RunReport, snapshotDirectory?: string): void {
    this.services.finished({
      projectPath: this.projectPath,
      definition: this.definition,
      exitCode,
      outcome,
      snapshotDirectory,
      stepResults: Object.fromEntries(report.results),
      pid: this.run?.pid,
    });
    this.closed = true;
    this.closeEmitter.fire(exitCode);
  }
}

/** Where problems point: the model's step and field locations, else the entry module, else package.json. */
function locator(projectPath: string, model: ProjectModel | undefined): Locator {
  const toSource = (location: ModelLocation): SourceLocation => ({ file: location.file, line: location.line + 1, column: location.character + 1 });
  const steps = new Map<string, SourceLocation>();
  const fields = new Map<string, SourceLocation>();
  if (model?.ok) {
    for (const step of model.steps) if (step.id) steps.set(step.id, toSource(step.location));
    for (const field of model.configFields) fields.set(field.name, toSource(field.location));
  }
  return {
    projectPath,
    step: (id) => steps.get(id),
    configField: (name) => fields.get(name),
    fallback: { file: model?.entryFile ?? path.join(projectPath, 'package.json'), line: 1, column: 1 },
  };
}
