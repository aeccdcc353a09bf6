// Runs the project's j1-integration as a child process for a task: masks secrets in what it prints, parses its
// output as it comes, and stops its whole process tree on request. Node only (no vscode), so the tests run it with
// the real CLI.
import { spawn } from 'node:child_process';
import { createMasker } from './mask';
import { LineSplitter, OutputParser, type RunEvent, type RunReport } from './outputParser';
import { uploads, type CliCommand } from './definition';

export interface CliRunOptions {
  cli: string;
  args: string[];
  cwd: string;
  /** The complete environment of the child. */
  env: NodeJS.ProcessEnv;
  secrets: readonly string[];
  /** Masked output, one or more whole lines ending in "\n" (a last unterminated line at exit). */
  onOutput(text: string): void;
  onEvent?(event: RunEvent): void;
}

export interface CliExit {
  /** The CLI's exit code; undefined when a signal ended it. */
  code: number | undefined;
  signal: NodeJS.Signals | undefined;
  /** The run was stopped with stop(). */
  stopped: boolean;
  /** The process could not start at all. */
  spawnError?: Error;
}

export interface CliRun {
  readonly pid: number | undefined;
  readonly report: RunReport;
  readonly exited: Promise<CliExit>;
  /** Ends the CLI and everything it started: SIGTERM to its process group, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<CliExit>;
}

export function startCli(options: CliRunOptions): CliRun {
  const mask = createMasker(options.secrets);
  const parser = new OutputParser();
  const posix = process.platform !== 'win32';
  // A process group of its own (setsid): the CLI, and whatever the integration spawns, can be stopped together.
  const child = spawn(options.cli, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: posix,
    shell: !posix, // node_modules/.bin/j1-integration.cmd on Windows
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let stopped = false;

  const pipe = (stream: NodeJS.ReadableStream) => {
    const lines = new LineSplitter();
    const emit = (batch: string[]) => {
      if (batch.length === 0) return;
      for (const line of batch) for (const event of parser.line(line)) options.onEvent?.(event);
      options.onOutput(mask(batch.join('\n')) + '\n');
    };
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => emit(lines.push(chunk)));
    stream.on('end', () => emit(lines.end()));
  };
  pipe(child.stdout!);
  pipe(child.stderr!);

  const exited = new Promise<CliExit>((resolve) => {
    child.once('error', (spawnError) => resolve({ code: undefined, signal: undefined, stopped, spawnError }));
    // 'close' rather than 'exit': all output has been read by then.
    child.once('close', (code, signal) => resolve({ code: code ?? undefined, signal: signal ?? undefined, stopped }));
  });

  const signalTree = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      if (posix) process.kill(-child.pid, signal);
      else spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true });
    } catch {
      // already gone
    }
  };

  return {
    pid: child.pid,
    report: parser.report,
    exited,
    async stop(graceMs = 3000) {
      stopped = true;
      signalTree('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([exited, grace]);
      clearTimeout(timer);
      // Children that outlive the CLI (or a CLI that ignores SIGTERM) go too.
      signalTree('SIGKILL');
      return exited;
    },
  };
}

export interface RunOutcome {
  /** What the task reports: the CLI's code, or 1 when a step failed or the synchronization was aborted. */
  exitCode: number;
  /** Data was uploaded and the job finalized: the moment to keep a sync snapshot. */
  synced: boolean;
  reason?: string;
}

export function outcomeOf(command: CliCommand, exit: CliExit, report: RunReport, skipFinalize = false): RunOutcome {
  if (exit.spawnError) return { exitCode: 1, synced: false, reason: `could not start j1-integration: ${exit.spawnError.message}` };
  if (exit.stopped) return { exitCode: 130, synced: false, reason: 'stopped' };
  if (exit.code !== 0) return { exitCode: exit.code ?? 1, synced: false, reason: exit.signal ? `ended by ${exit.signal}` : undefined };
  const failed = [...report.results].filter(([, status]) => status === 'failure').map(([id]) => id);
  const aborted = report.syncStatus === 'ABORTED';
  const synced = uploads(command) && !skipFinalize && !!report.syncStatus && !aborted && report.syncStatus !== 'AWAITING_UPLOADS';
  if (aborted) return { exitCode: 1, synced, reason: 'the synchronization job was aborted' };
  if (failed.length) return { exitCode: 1, synced, reason: `step${failed.length === 1 ? '' : 's'} failed: ${failed.join(', ')}` };
  return { exitCode: 0, synced };
}
