import * as path from 'node:path';
import { analyzeIntegration, runRules, type Finding } from '../../../server/src/core';
import { memoryHost } from './memoryHost';

export const ROOT = path.resolve('/virtual/rules');

/** Runs every rule over an in-memory project and returns the findings. */
export function check(files: Record<string, string>): Finding[] {
  const host = memoryHost(ROOT, files);
  const analysis = analyzeIntegration({ projectPath: ROOT, host });
  if ('kind' in analysis) throw new Error(analysis.message);
  return runRules(analysis, host);
}

/** The text a range covers in the in-memory project. */
export function textOf(files: Record<string, string>, range: { file: string; start: number; end: number }): string {
  return files[path.relative(ROOT, range.file)].slice(range.start, range.end);
}

/** Applies a finding's first fix to the in-memory files. */
export function applyFix(files: Record<string, string>, finding: Finding): Record<string, string> {
  const out = { ...files };
  const edits = [...(finding.fixes?.[0]?.edits ?? [])].sort((a, b) => b.range.start - a.range.start);
  for (const edit of edits) {
    const rel = path.relative(ROOT, edit.range.file);
    out[rel] = out[rel].slice(0, edit.range.start) + edit.newText + out[rel].slice(edit.range.end);
  }
  return out;
}
