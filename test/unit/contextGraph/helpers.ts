import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeImport, DEFAULT_DOCUMENT_SETTINGS, diskFileHost, LineIndex, type Finding, type ImportAnalysis } from '../../../server/src/core';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/context-graph');

/** Analyses a fixture (or given text under the fixture's name) against `base.json` unless told otherwise. */
export function analyzeFixture(name: string, options: { base?: string | null; text?: string; maxBytes?: number } = {}): { analysis: ImportAnalysis; text: string; file: string } {
  const file = path.join(FIXTURES, name);
  const text = options.text ?? fs.readFileSync(file, 'utf8');
  const base = options.base === null ? undefined : (options.base ?? 'base.json');
  const analysis = analyzeImport(file, text, { root: FIXTURES, host: diskFileHost, settings: { ...DEFAULT_DOCUMENT_SETTINGS, contextGraphBase: base, contextGraphMaxBytes: options.maxBytes } });
  return { analysis, text, file };
}

/** `code line:col-line:col «text at the range»` (1-based), the shape the assertions compare. */
export function located(findings: readonly Finding[], text: string): string[] {
  const lines = new LineIndex(text);
  return findings.map((f) => {
    const s = lines.position(f.range.start);
    const e = lines.position(f.range.end);
    return `${f.code} ${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} «${text.slice(f.range.start, f.range.end)}»`;
  });
}
