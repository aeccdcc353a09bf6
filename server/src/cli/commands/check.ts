import * as path from 'node:path';
import {
  analyzeIntegration,
  createRuleContext,
  DEFAULT_DOCUMENT_SETTINGS,
  snapshotFileHost,
  runRules,
  type DocumentContext,
  type DocumentSettings,
  type Finding,
  type IntegrationAnalysis,
  type QueryFacts,
  type Severity,
} from '../../core';
import { entryCandidates } from '../../core/model/findEntry';
import { queryFactsOf } from '../../core/rules/projectDataModel';
import { discoverDocuments } from '../discoverDocuments';
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
  /** Options of the document kinds (context-graph files and base graph); defaults otherwise. */
  documents?: Partial<DocumentSettings>;
}

/**
 * `integration-lens check`: every rule over the integration, and every document kind (question files, context-graph
 * imports) over its files; exit 1 when any error is found. A folder with no integration but with such files is
 * checked too (a repository of Canopsis imports needs no integration).
 */
export function checkCommand(options: CheckOptions, output: Output): number {
  const projectPath = path.resolve(options.projectPath ?? '.');
  // One run, one view of the disk: each path is stat'ed once (snapshotHost.ts).
  const host = snapshotFileHost();
  const locator = new Locator(projectPath, host);
  const settings: DocumentSettings = { ...DEFAULT_DOCUMENT_SETTINGS, ...options.documents };
  const documents = host.directoryExists(projectPath) ? discoverDocuments(projectPath, host, settings) : [];
  const hasIntegration = entryCandidates(projectPath, host, options.module).length > 0;

  const found: Finding[] = [];
  let integration: IntegrationAnalysis | undefined;
  let facts: QueryFacts | undefined;
  if (hasIntegration || !documents.length) {
    const analysis = analyzeIntegration({ projectPath, module: options.module, host, parseAhead: true });
    if ('kind' in analysis) {
      reportProblems(analysis.problems, locator, output);
      output.err(`${analysis.range ? `${locator.prefix(analysis.range)}: ` : ''}error: ${analysis.message}`);
      return EXIT_BAD_INPUT;
    }
    const context = createRuleContext(analysis, host, { dataModelSource: options.dataModel === 'bundled' ? 'bundled' : 'project' });
    found.push(...runRules(analysis, host, undefined, context));
    integration = analysis;
    facts = queryFactsOf(context);
  }
  // One context for the whole pass: kinds may share work between the files of one pass (a collection's files).
  const context: DocumentContext = { root: projectPath, settings, host, integration, facts };
  for (const document of documents) found.push(...document.kind.check(document.file, document.text, context));

  const findings = locateFindings(found, locator);
  const format = options.format ?? 'text';
  if (format === 'json') output.out(formatJson(findings));
  else if (format === 'sarif') output.out(formatSarif(findings, locator, projectPath, options.version));
  else if (findings.length) output.out(formatText(findings));

  const count = (severity: Severity) => findings.filter((f) => f.finding.severity === severity).length;
  const errors = count('error');
  const summary = [`${errors} error${errors === 1 ? '' : 's'}`, `${count('warning')} warning${count('warning') === 1 ? '' : 's'}`];
  const infos = count('information') + count('hint');
  if (infos) summary.push(`${infos} information`);
  const scope: string[] = [];
  if (integration) scope.push(`${integration.model.steps.items.length} steps (${integration.model.files.length} files analysed)`);
  if (documents.length) scope.push(`${documents.length} other file${documents.length === 1 ? '' : 's'} (${[...new Set(documents.map((d) => d.kind.id))].join(', ')})`);
  output.err(`${summary.join(', ')} in ${scope.join(' and ')}.`);
  return errors ? EXIT_FINDINGS : EXIT_OK;
}
