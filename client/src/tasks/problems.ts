// Turns what a run reported into problem lines the contributed problem matchers read (package.json
// `problemMatchers`): `<absolute file>:<line>:<column>: <severity>: <message>`. The CLI's own output names no
// source location; the task adds these lines after it, pointing at the step (from the static model), the frame that
// threw, or the config field. Pure.
import * as path from 'node:path';
import type { RunReport, SourceLocation, StepError } from './outputParser';

export interface Locator {
  projectPath: string;
  /** Where a step is declared, from the static model. */
  step(stepId: string): SourceLocation | undefined;
  /** Where a config field is declared, from the static model. */
  configField(name: string): SourceLocation | undefined;
  /** Where to point when nothing better is known (the entry module, or package.json). */
  fallback: SourceLocation;
}

export interface ProblemLine {
  severity: 'error' | 'warning';
  location: SourceLocation;
  message: string;
}

export function problemsOf(report: RunReport, locator: Locator): ProblemLine[] {
  const problems: ProblemLine[] = [];
  const stepAt = (stepId: string | undefined) => (stepId ? locator.step(stepId) : undefined) ?? locator.fallback;

  for (const [stepId, types] of report.undeclaredTypes) {
    if (types.length === 0) continue;
    problems.push({
      severity: 'warning',
      location: stepAt(stepId),
      message: `Step "${stepId}" collected undeclared types: ${types.join(', ')}. Declare them in the step's entities or relationships, or the data of a failed run may be deleted.`,
    });
  }

  const failedWithError = new Set<string>();
  for (const error of report.errors) {
    const stepId = error.stepId ?? error.stepName;
    failedWithError.add(stepId);
    problems.push({
      severity: 'error',
      location: projectFrame(error, locator.projectPath) ?? stepAt(error.stepId),
      message: `Step "${stepId}" failed: ${error.message ?? `failed to complete due to error${error.errorCode ? ` (${error.errorCode})` : ''}`}`,
    });
  }
  for (const [stepId, status] of report.results) {
    if (status === 'failure' && !failedWithError.has(stepId)) {
      problems.push({ severity: 'error', location: stepAt(stepId), message: `Step "${stepId}" failed: completed with status failure; see the log above.` });
    }
  }

  for (const [field, variable] of report.missingConfig) {
    problems.push({
      severity: 'error',
      location: locator.configField(field) ?? locator.fallback,
      message: `Config field "${field}" has no value: set ${variable} in the project's .env.`,
    });
  }
  return problems;
}

/** The innermost stack frame in the project's own code (not in node_modules): where the error was thrown. */
function projectFrame(error: StepError, projectPath: string): SourceLocation | undefined {
  return error.frames.find((frame) => {
    const relative = path.relative(projectPath, frame.file);
    return !!relative && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
  });
}

export function formatProblem(problem: ProblemLine): string {
  const { file, line, column } = problem.location;
  return `${file}:${line}:${column}: ${problem.severity}: ${problem.message}`;
}

/** The closing line of a run, e.g. `collect: 3 steps, 2 succeeded, 1 failed; 4 entities and 3 relationships uploaded`. */
export function summaryLine(command: string, report: RunReport, exitCode: number | undefined, durationMs: number): string {
  const statuses = [...report.results.values()];
  const count = (status: string) => statuses.filter((s) => s === status).length;
  const parts: string[] = [];
  if (statuses.length) {
    const byStatus = ['success', 'cached', 'failure', 'partial_success_due_to_dependency_failure', 'disabled']
      .map((s) => [s, count(s)] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`);
    parts.push(`${statuses.length} step${statuses.length === 1 ? '' : 's'} (${byStatus.join(', ')})`);
  }
  if (report.syncStatus) {
    parts.push(`synchronization ${report.syncStatus}: ${report.entitiesUploaded ?? 0} entities, ${report.relationshipsUploaded ?? 0} relationships uploaded`);
  }
  const how = exitCode === undefined ? 'stopped' : exitCode === 0 ? 'finished' : `failed (exit code ${exitCode})`;
  return `j1-integration ${command} ${how} in ${(durationMs / 1000).toFixed(1)} s${parts.length ? `: ${parts.join('; ')}` : ''}`;
}
