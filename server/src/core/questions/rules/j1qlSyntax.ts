import type { Finding } from '../../rules/types';
import { queryRange, type QueryEntry, type QuestionDocument } from '../questionFile';

export const J1QL_SYNTAX = 'j1ql-syntax';

/**
 * A query J1QL cannot parse. `validate-question-file` sends every query to JupiterOne's `/j1ql/validate` and fails
 * with "Queries failed to validate"; this finds the same errors offline, at the line and column inside the YAML
 * (through block scalars, folding and escapes). Template placeholders (`{{x}}`, `${x}`) are accepted.
 */
export function j1qlSyntaxFindings(doc: QuestionDocument): Finding[] {
  const findings: Finding[] = [];
  for (const entry of doc.queries) {
    const error = entry.parsed().errors[0];
    if (!error) continue;
    const range = queryRange(entry, error.start, error.end);
    // An unterminated string runs to the end of the query, its final line break included: stop at the line's end.
    while (range.end > range.start && (doc.text[range.end - 1] === '\n' || doc.text[range.end - 1] === '\r')) range.end--;
    const hint = error.expected ? ` Write ${error.expected} there.` : '';
    findings.push({
      code: J1QL_SYNTAX,
      severity: 'error',
      range: { file: doc.file, ...range },
      message: `Error parsing query ${where(entry)}: ${error.message}.${hint} JupiterOne rejects the query ("Queries failed to validate" in validate-question-file).`,
      data: { question: entry.question, query: entry.query },
    });
  }
  return findings;
}

/** `questions[0].queries[1] (question "x")`. */
export function where(entry: QueryEntry): string {
  const id = entry.questionId !== undefined ? ` (question "${entry.questionId}")` : '';
  return `questions[${entry.question}].queries[${entry.query}]${id}`;
}
