import * as path from 'node:path';
import { analyzeIntegration, createRuleContext, DEFAULT_DOCUMENT_SETTINGS, diskFileHost, type Finding, type IntegrationAnalysis, type QueryFacts } from '../../core';
import { entryCandidates } from '../../core/model/findEntry';
import { questionDocument, questionsKind, type QueryEntry } from '../../core/questions';
import { where } from '../../core/questions/rules/j1qlSyntax';
import { queryFactsOf } from '../../core/rules/projectDataModel';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from '../exitCodes';
import { formatJson } from '../findings/formatJson';
import { formatText } from '../findings/formatText';
import { locateFindings } from '../findings/locatedFinding';
import { Locator } from '../locations';
import type { Output } from '../output';
import { postQueriesToValidate, QueryValidationError, type QueryValidationResult } from '../questions/validateQueries';

export interface ValidateQuestionFileOptions {
  filePath?: string;
  format?: string;
  account?: string;
  apiKey?: string;
  apiBaseUrl?: string;
  dryRun?: boolean;
  /** The working directory the default path is taken from (the SDK's `process.cwd()`). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export const JUPITERONE_PROD_API_BASE_URL = 'https://api.us.jupiterone.io';
export const JUPITERONE_DEV_API_BASE_URL = 'https://api.dev.jupiterone.io';
export const J1QL_SERVER_VALIDATION = 'j1ql-server-validation';

/** The SDK's default: `./jupiterone/questions/questions.yaml` under the working directory. */
export function defaultQuestionFilePath(cwd: string): string {
  return path.join(cwd, 'jupiterone', 'questions', 'questions.yaml');
}

/**
 * `integration-lens validate-question-file`: what `j1-integration validate-question-file` checks, offline and with
 * positions (YAML, the SDK's schema, uniqueness, J1QL syntax, types and classes against the integration beside
 * the file). Given an account and an API key it also posts the queries to `/j1ql/validate` as the SDK does, in
 * batches of 250, and reports each query JupiterOne rejects. Returns a number when it needs no network.
 */
export function validateQuestionFileCommand(options: ValidateQuestionFileOptions, output: Output): number | Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const file = path.resolve(cwd, options.filePath ?? defaultQuestionFilePath(cwd));
  const text = diskFileHost.readFile(file);
  if (text === undefined) {
    output.err(`error: Question file not found (filePath=${file})`);
    return EXIT_BAD_INPUT;
  }
  const account = options.account ?? env.JUPITERONE_ACCOUNT;
  const apiKey = options.apiKey ?? env.JUPITERONE_API_KEY;
  const online = !options.dryRun && !!account && !!apiKey;
  if (!options.dryRun && (account || apiKey) && !online) {
    output.err(`error: Must provide J1 account ID and API key to validate the queries with JupiterOne (--account and --api-key, or JUPITERONE_ACCOUNT and JUPITERONE_API_KEY)`);
    return EXIT_BAD_INPUT;
  }
  let apiBaseUrl = JUPITERONE_PROD_API_BASE_URL;
  if (options.apiBaseUrl) {
    if (env.JUPITERONE_DEV) {
      output.err('error: Invalid configuration supplied.  Cannot specify both --api-base-url and the JUPITERONE_DEV environment variable.');
      return EXIT_BAD_INPUT;
    }
    apiBaseUrl = options.apiBaseUrl;
  } else if (env.JUPITERONE_DEV) apiBaseUrl = JUPITERONE_DEV_API_BASE_URL;

  const root = projectRootOf(file, cwd);
  const { integration, facts } = analyse(root);
  const findings = questionsKind.check(file, text, { root, settings: DEFAULT_DOCUMENT_SETTINGS, host: diskFileHost, integration, facts });
  const report = (all: Finding[]) => present(all, root, options.format, output);
  if (!online) return report(findings);

  const doc = questionDocument(file, text);
  const queries = doc.queries;
  if (doc.syntaxError || !queries.length) return report(findings);
  output.err(`Validating ${queries.length} quer${queries.length === 1 ? 'y' : 'ies'} with JupiterOne (${apiBaseUrl}/j1ql/validate)...`);
  return postQueriesToValidate({ apiBaseUrl, account: account!, apiKey: apiKey!, queries: queries.map((q) => q.text) }).then(
    (results) => report([...findings, ...serverFindings(file, queries, results)]),
    (error: unknown) => {
      output.err(`error: ${error instanceof QueryValidationError ? error.message : `Failed to validate the queries with JupiterOne: ${(error as Error).message}`}`);
      return EXIT_BAD_INPUT;
    },
  );
}

/** `<project>/jupiterone/questions/x.yaml` belongs to `<project>`; any other file to the working directory. */
function projectRootOf(file: string, cwd: string): string {
  const dir = path.dirname(file);
  if (path.basename(dir) === 'questions' && path.basename(path.dirname(dir)) === 'jupiterone') return path.dirname(path.dirname(dir));
  return cwd;
}

function analyse(root: string): { integration?: IntegrationAnalysis; facts?: QueryFacts } {
  if (!entryCandidates(root, diskFileHost).length) return {};
  const analysis = analyzeIntegration({ projectPath: root, host: diskFileHost });
  if ('kind' in analysis) return {};
  const context = createRuleContext(analysis, diskFileHost, {});
  return { integration: analysis, facts: queryFactsOf(context) };
}

/** One finding per query JupiterOne rejects, on the query, with the server's own message. */
function serverFindings(file: string, queries: QueryEntry[], results: QueryValidationResult[]): Finding[] {
  const findings: Finding[] = [];
  results.forEach((result, i) => {
    if (result.valid !== false) return;
    // The endpoint answers in the order it was asked; the query text confirms it.
    const entry = queries[i]?.text === result.query ? queries[i] : queries.find((q) => q.text === result.query);
    if (!entry) return;
    const reason = result.error ? `${result.error.message}${result.error.code ? ` (${result.error.code})` : ''}` : 'no reason given';
    findings.push({
      code: J1QL_SERVER_VALIDATION,
      severity: 'error',
      range: { file, start: entry.node.start, end: entry.node.end },
      message: `JupiterOne rejected the query ${where(entry)}: ${reason}. Fix the query; validate-question-file fails with "Queries failed to validate" until then.`,
    });
  });
  return findings;
}

function present(findings: Finding[], root: string, format: string | undefined, output: Output): number {
  const located = locateFindings(
    [...findings].sort((a, b) => a.range.start - b.range.start),
    new Locator(root, diskFileHost),
  );
  if (format === 'json') output.out(formatJson(located));
  else if (located.length) output.out(formatText(located));
  const errors = located.filter((f) => f.finding.severity === 'error').length;
  const warnings = located.filter((f) => f.finding.severity === 'warning').length;
  // The SDK's closing lines, so scripts that grep for them keep working.
  output.err(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
  output.err(errors ? 'Failed to validate managed question file!' : 'Successfully validated managed question file!');
  return errors ? EXIT_FINDINGS : EXIT_OK;
}
