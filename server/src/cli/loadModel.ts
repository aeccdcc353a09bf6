import * as path from 'node:path';
import { buildModel, snapshotFileHost, type FileHost, type IntegrationModel } from '../core';
import { EXIT_BAD_INPUT } from './exitCodes';
import { Locator } from './locations';
import { reportProblems, type Output } from './output';

export interface ProjectOptions {
  projectPath?: string;
  module?: string;
}

/** Builds the model for a CLI command, or reports why it cannot (exit code 2). */
export function loadModel(
  options: ProjectOptions,
  output: Output,
  // One command, one view of the disk (snapshotHost.ts).
  host: FileHost = snapshotFileHost(),
): { model: IntegrationModel; locator: Locator } | { exitCode: number } {
  const projectPath = path.resolve(options.projectPath ?? '.');
  const locator = new Locator(projectPath, host);
  const result = buildModel({ projectPath, module: options.module, host });
  if ('kind' in result) {
    reportProblems(result.problems, locator, output);
    const where = result.range ? `${locator.prefix(result.range)}: ` : '';
    output.err(`${where}error: ${result.message}`);
    return { exitCode: EXIT_BAD_INPUT };
  }
  return { model: result, locator };
}
