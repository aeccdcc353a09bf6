import type { Problem } from '../core';
import type { Locator } from './locations';

/** Where the CLI writes; tests capture it instead of the process streams. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

/** Problems that limited the analysis (syntax errors, missing modules), one `file:line:col severity code message` line each. */
export function reportProblems(problems: Problem[], locator: Locator, output: Output): void {
  for (const problem of problems) {
    const where = problem.range ? `${locator.prefix(problem.range)} ` : '';
    output.err(`${where}${problem.severity} ${problem.code} ${problem.message}`);
  }
}
