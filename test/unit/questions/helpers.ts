import * as path from 'node:path';
import { DEFAULT_DOCUMENT_SETTINGS, LineIndex, type Finding, type IntegrationAnalysis, type QueryFacts } from '../../../server/src/core';
import type { DocumentContext } from '../../../server/src/core/documents/types';
import { questionsKind } from '../../../server/src/core/questions';
import { memoryHost } from '../helpers/memoryHost';

export const ROOT = path.resolve('/virtual/questions');
export const QUESTION_FILE = path.join(ROOT, 'jupiterone', 'questions', 'questions.yaml');

export function context(integration?: IntegrationAnalysis, facts?: QueryFacts): DocumentContext {
  return { root: ROOT, settings: DEFAULT_DOCUMENT_SETTINGS, host: memoryHost(ROOT, {}), integration, facts };
}

/** `line:col code "underlined text"` (1-based), the way an editor shows a finding. */
export function located(text: string, finding: Finding): string {
  const lines = new LineIndex(text);
  const p = lines.position(finding.range.start);
  return `${p.line + 1}:${p.character + 1} ${finding.code} ${JSON.stringify(text.slice(finding.range.start, finding.range.end))}`;
}

export function check(text: string, ctx: DocumentContext = context()): Finding[] {
  return questionsKind.check(QUESTION_FILE, text, ctx);
}

export function checkLocated(text: string, ctx: DocumentContext = context()): string[] {
  return check(text, ctx).map((f) => located(text, f));
}

/** A valid file with one question whose query, name and resultsAre lines are given (already indented by the caller). */
export function oneQuestion(queryLines: string): string {
  return [
    '---',
    'sourceId: managed:acme',
    "integrationDefinitionId: '${integration_definition_id}'",
    'questions:',
    '  - id: acme-question',
    '    title: Which Acme users exist?',
    '    description: Lists the users.',
    '    queries:',
    queryLines,
    '    tags:',
    '      - acme',
    '',
  ].join('\n');
}
