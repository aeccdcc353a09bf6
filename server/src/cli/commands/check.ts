import * as path from 'node:path';
import { analyzeIntegration, createRuleContext, diskFileHost, runRules, type Severity } from '../../core';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from '../exitCodes';
import { formatJson } from '../findings/formatJson';
import { formatSarif } from '../findings/formatSarif';
import { formatText } from '../findings/formatText';
import { locateFindings } from '../findings/locatedFinding';
import { Locator } from '../locations';
import type { ProjectOptions } from '../loadModel';
import { reportProblems, type Output } from '../output';

export interface CheckOptions extends ProjectOptions {
  format?: string;
  dataModel?: string;
  version: string;
}

/** `integration-lens check`: every rule over the project; exit 1 when any error is found. */
export function checkCommand(options: CheckOptions, output: Output): number {
  const projectPath = path.resolve(options.projectPath ?? '.');
  const host = diskFileHost;
  const locator = new Locator(projectPath, host);
  const analysis = analyzeIntegration({ projectPath, module: options.module, host });
  if ('kind' in analysis) {
    reportProblems(analysis.problems, locator, output);
    output.err(`${analysis.range ? `${locator.prefix(analysis.range)}: ` : ''}error: ${analysis.message}`);
    return EXIT_BAD_INPUT;
  }
  const context = createRuleContext(analysis, host, { dataModelSource: options.dataModel === 'bundled' ? 'bundled' : 'project' });
  const findings = locateFindings(runRules(analysis, host, undefined, context), locator);
  const format = options.format ?? 'text';
  if (format === 'json') output.out(formatJson(findings));
  else if (format === 'sarif') output.out(formatSarif(findings, locator, projectPath, options.version));
  else if (findings.length) output.out(formatText(findings));

  const count = (severity: Severity) => findings.filter((f) => f.finding.severity === severity).length;
  const errors = count('error');
  const summary = [`${errors} error${errors === 1 ? '' : 's'}`, `${count('warning')} warning${count('warning') === 1 ? '' : 's'}`];
  const infos = count('information') + count('hint');
  if (infos) summary.push(`${infos} information`);
  output.err(`${summary.join(', ')} in ${analysis.model.steps.items.length} steps (${analysis.model.files.length} files analysed).`);
  return errors ? EXIT_FINDINGS : EXIT_OK;
}
