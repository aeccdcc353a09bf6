import type { LocatedFinding } from './locatedFinding';

/** `{"diagnostics": [{file, line, column, endLine, endColumn, severity, code, message}]}`: 1-based, files relative to the project. */
export function formatJson(findings: LocatedFinding[]): string {
  const diagnostics = findings.map(({ finding, location }) => ({
    file: location.file,
    line: location.line,
    column: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  }));
  return JSON.stringify({ diagnostics }, null, 2);
}
