import type { FileHost } from '../project/fileHost';
import type { DocumentSettings } from '../documents/types';
import type { Finding } from '../rules/types';
import { loadBaseGraph, type LoadedBase } from './base';
import type { ImportIssue } from './issue';
import { parseImport, type ParsedImport } from './parse';
import { baseGraphUnusable } from './rules/baseGraph';
import { emptyImport } from './rules/emptyImport';
import { fileTooLarge } from './rules/fileTooLarge';
import { jsonSyntax } from './rules/jsonSyntax';
import { structure } from './rules/structure';
import { simulateImport, type Simulation } from './simulate';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ImportAnalysis {
  file: string;
  /** Undefined when the file was too large to check. */
  parsed?: ParsedImport;
  simulation?: Simulation;
  base: LoadedBase;
  findings: Finding[];
  /** The finding at the element where Canopsis would stop, if it would. */
  abort?: Finding;
}

export interface AnalyzeOptions {
  root: string;
  settings: DocumentSettings;
  host: FileHost;
}

let last: { file: string; text: string; key: string; analysis: ImportAnalysis } | undefined;

/** Checks and simulates an import; the last result is kept, so hover and definition after a check cost nothing. */
export function analyzeImport(file: string, text: string, options: AnalyzeOptions): ImportAnalysis {
  const base = loadBaseGraph(options.settings.contextGraphBase, options.root, options.host);
  const key = `${options.settings.contextGraphBase ?? ''}\0${base.file ? options.host.version(base.file) : ''}\0${options.settings.contextGraphMaxBytes ?? ''}`;
  if (last && last.file === file && last.key === key && last.text === text) return last.analysis;
  const analysis = analyze(file, text, base, options.settings.contextGraphMaxBytes ?? DEFAULT_MAX_BYTES);
  last = { file, text, key, analysis };
  return analysis;
}

function analyze(file: string, text: string, base: LoadedBase, maxBytes: number): ImportAnalysis {
  // Characters, not bytes: close enough for a limit, and no encoding pass over a huge text.
  if (text.length > maxBytes) return { file, base, findings: toFindings(file, [fileTooLarge(text.length, maxBytes)]).findings };
  const parsed = parseImport(text);
  const issues: ImportIssue[] = [...jsonSyntax(parsed.syntaxErrors, text.length)];
  if (base.problem) issues.push(baseGraphUnusable(base.problem));
  issues.push(...structure(parsed));
  if (parsed.root?.type === 'object' && !parsed.syntaxErrors.length && !parsed.cis.length && !parsed.links.length && !hasNonArray(parsed)) issues.push(emptyImport(parsed.root));
  const simulation = simulateImport(parsed.cis, parsed.links, base.graph);
  issues.push(...simulation.issues);
  const { findings, abort } = toFindings(file, issues);
  return { file, parsed, simulation, base, findings, abort };
}

/** Where the engine meets an issue: document order (its JSON decoder streams the file), the final check last. */
function engineOrder(issue: ImportIssue): number {
  if (issue.phase === 'final') return Number.MAX_SAFE_INTEGER;
  return issue.element ? issue.element.node.offset : issue.node.offset;
}

function toFindings(file: string, issues: ImportIssue[]): { findings: Finding[]; abort?: Finding } {
  const range = (node: { offset: number; length: number }) => ({ file, start: node.offset, end: node.offset + node.length });
  let first: ImportIssue | undefined;
  for (const issue of issues) {
    if (issue.severity !== 'error' || issue.code === 'context-graph-file-too-large') continue;
    if (!first || engineOrder(issue) < engineOrder(first)) first = issue;
  }
  let abort: Finding | undefined;
  const findings = issues.map((issue) => {
    const finding: Finding = {
      code: issue.code,
      severity: issue.severity,
      range: range(issue.node),
      message: issue === first ? `${issue.message} Canopsis stops the whole import here: nothing in this file is applied.` : issue.message,
    };
    const related = [...(issue.related ?? []).map((r) => ({ range: range(r.node), message: r.message })), ...(issue.relatedRanges ?? [])];
    if (related.length) finding.related = related;
    if (issue.fixes?.length) finding.fixes = issue.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ range: { file, start: e.offset, end: e.offset + e.length }, newText: e.newText })) }));
    if (issue.data || issue === first) finding.data = { ...issue.data, ...(issue === first ? { abortsImport: true } : {}) };
    if (issue === first) abort = finding;
    return finding;
  });
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { findings, abort };
}

/** `cis` or `links` present but not an array: the schema rule says so, it is not an empty import. */
function hasNonArray(parsed: ParsedImport): boolean {
  return (parsed.root?.children ?? []).some((p) => (p.children?.[0]?.value === 'cis' || p.children?.[0]?.value === 'links') && p.children?.[1]?.type !== 'array');
}
