import type { LocatedFinding } from './locatedFinding';

/** `file:line:col severity code message`, one line per finding, as editors and terminals link them. */
export function formatText(findings: LocatedFinding[]): string {
  return findings
    .map(({ finding, location }) => `${location.file}:${location.line}:${location.column} ${finding.severity} ${finding.code} ${finding.message}`)
    .join('\n');
}
