import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core';
import type { Location, Locator } from '../locations';
import type { LocatedFinding } from './locatedFinding';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function physical(location: Location) {
  return {
    artifactLocation: { uri: encodeURI(location.file), uriBaseId: 'PROJECTROOT' },
    region: { startLine: location.line, startColumn: location.column, endLine: location.endLine, endColumn: location.endColumn },
  };
}

/** SARIF 2.1.0 for code-scanning tools: one run, a rule per code, results with related locations and fixes. */
export function formatSarif(findings: LocatedFinding[], locator: Locator, projectPath: string, version: string): string {
  const codes = [...new Set(findings.map((f) => f.finding.code))].sort();
  const rules = codes.map((code) => {
    const first = findings.find((f) => f.finding.code === code)!.finding;
    return { id: code, name: code, defaultConfiguration: { level: LEVEL[first.severity] }, shortDescription: { text: code.replace(/-/g, ' ') } };
  });
  const results = findings.map(({ finding, location, related }) => ({
    ruleId: finding.code,
    ruleIndex: codes.indexOf(finding.code),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: physical(location) }],
    ...(related.length ? { relatedLocations: related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: physical(r.location) })) } : {}),
    ...(finding.fixes?.length
      ? {
          fixes: finding.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: groupByFile(fix.edits.map((e) => ({ location: locator.locate(e.range), newText: e.newText }))),
          })),
        }
      : {}),
  }));
  const root = pathToFileURL(projectPath.endsWith('/') ? projectPath : projectPath + '/').href;
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'integration-lens', version, informationUri: 'https://github.com/JupiterOne/sdk', rules } },
          originalUriBaseIds: { PROJECTROOT: { uri: root } },
          columnKind: 'utf16CodeUnits',
          results,
        },
      ],
    },
    null,
    2,
  );
}

function groupByFile(edits: Array<{ location: Location; newText: string }>) {
  const byFile = new Map<string, Array<{ location: Location; newText: string }>>();
  for (const edit of edits) byFile.set(edit.location.file, [...(byFile.get(edit.location.file) ?? []), edit]);
  return [...byFile].map(([file, list]) => ({
    artifactLocation: { uri: encodeURI(file), uriBaseId: 'PROJECTROOT' },
    replacements: list.map((e) => ({
      deletedRegion: { startLine: e.location.line, startColumn: e.location.column, endLine: e.location.endLine, endColumn: e.location.endColumn },
      insertedContent: { text: e.newText },
    })),
  }));
}
