import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../core';
import { uriOf, type PositionMapper } from './positions';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for its quick fixes: edits already in LSP coordinates. */
export interface DiagnosticData {
  fixes?: Array<{ title: string; preferred?: boolean; edits: Array<{ uri: string; range: Diagnostic['range']; newText: string }> }>;
}

export function toDiagnostic(finding: Finding, positions: PositionMapper): Diagnostic {
  const data: DiagnosticData = {};
  if (finding.fixes?.length) {
    data.fixes = finding.fixes.map((fix) => ({
      title: fix.title,
      preferred: fix.preferred,
      edits: fix.edits.map((e) => ({ uri: uriOf(e.range.file), range: positions.range(e.range), newText: e.newText })),
    }));
  }
  return {
    range: positions.range(finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'integration-lens',
    message: finding.message,
    relatedInformation: finding.related?.map((r) => ({ location: { uri: uriOf(r.range.file), range: positions.range(r.range) }, message: r.message })),
    data,
  };
}

/** Quick fixes of the diagnostics the client sends back with a code action request. */
export function quickFixes(diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'integration-lens') continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    for (const fix of data?.fixes ?? []) {
      const changes: Record<string, Array<{ range: Diagnostic['range']; newText: string }>> = {};
      for (const edit of fix.edits) (changes[edit.uri] ??= []).push({ range: edit.range, newText: edit.newText });
      actions.push({ title: fix.title, kind: 'quickfix', diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { changes } });
    }
  }
  return actions;
}
